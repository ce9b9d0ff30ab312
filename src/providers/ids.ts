import { parseAwsId } from './aws/model.ts';
import { KIND_BY_NAME } from './kubernetes/kinds.ts';
import type { ProviderName, ResourceKind } from './provider.ts';

/** What a provider resource id names, read back from the id alone. */
export interface ParsedResourceId {
  provider: ProviderName;
  /** The Kubernetes context or the AWS region. */
  cluster: string;
  kind: ResourceKind;
  namespace: string | null;
  name: string;
}

/**
 * `k8s:<context>:<KIND>:<namespace>:<name>`. The context may hold ':' and '/' (EKS names its
 * contexts by ARN, `arn:aws:eks:<region>:<account>:cluster/<name>`); the kind, namespace and
 * name never do, so the id is read from the right.
 */
const KUBE_ID = /^k8s:(.+):([A-Z][A-Z0-9_]*):([^:]*):([^:]+)$/;

/** The parts of a Kubernetes or AWS resource id; undefined when it is neither. */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  const kube = KUBE_ID.exec(id);
  if (kube) {
    const [, cluster = '', kind = '', namespace = '', name = ''] = kube;
    if (!KIND_BY_NAME.has(kind as ResourceKind)) return undefined;
    return {
      provider: 'KUBERNETES',
      cluster,
      kind: kind as ResourceKind,
      namespace: namespace || null,
      name,
    };
  }
  const aws = parseAwsId(id);
  if (!aws) return undefined;
  return {
    provider: 'AWS',
    cluster: aws.region,
    kind: aws.kind,
    namespace: null,
    name: aws.nativeId,
  };
}

/**
 * The provider's own name in a resource id (an AWS resource's native id, a Kubernetes object's
 * name): what a person may type for it, as the provider spells it.
 */
export function nativeIdOf(id: string): string {
  return parseResourceId(id)?.name ?? id;
}
