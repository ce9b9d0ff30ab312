import { deploymentYaml } from '../integration/kubernetes-support.ts';

/**
 * What the least-privilege test acts on, in namespace `FX`: a workload of each kind for the
 * actions that change it and one for each deletion, a bare pod, two Node objects of its own
 * (no kwok node is cordoned or deleted) and a namespace to delete.
 */
export function fixtureManifests(
  FX: string,
  NODES: { cordon: string; gone: string },
  GONE_NS: string,
): string {
  return `${deploymentYaml(FX, 'web', 1)}---
${deploymentYaml(FX, 'stopme', 1)}---
${deploymentYaml(FX, 'gone-deploy', 1)}---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ${FX}}
spec:
  replicas: 1
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: registry.example/db:1}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: gone-sts, namespace: ${FX}}
spec:
  replicas: 0
  serviceName: gone-sts
  selector: {matchLabels: {app: gone-sts}}
  template:
    metadata: {labels: {app: gone-sts}}
    spec: {containers: [{name: c, image: registry.example/c:1}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ${FX}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: registry.example/agent:1}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: gone-ds, namespace: ${FX}}
spec:
  selector: {matchLabels: {app: gone-ds}}
  template:
    metadata: {labels: {app: gone-ds}}
    spec: {containers: [{name: a, image: registry.example/agent:1}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs, namespace: ${FX}}
spec:
  replicas: 1
  selector: {matchLabels: {app: rs}}
  template:
    metadata: {labels: {app: rs}}
    spec: {containers: [{name: r, image: registry.example/rs:1}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: gone-rs, namespace: ${FX}}
spec:
  replicas: 0
  selector: {matchLabels: {app: gone-rs}}
  template:
    metadata: {labels: {app: gone-rs}}
    spec: {containers: [{name: r, image: registry.example/rs:1}]}
---
apiVersion: v1
kind: Service
metadata: {name: gone-svc, namespace: ${FX}}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: gone-hpa, namespace: ${FX}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 3
---
apiVersion: v1
kind: Pod
metadata: {name: gone-pod, namespace: ${FX}}
spec: {containers: [{name: p, image: registry.example/p:1}]}
---
apiVersion: v1
kind: Pod
metadata: {name: logme, namespace: ${FX}}
spec: {containers: [{name: p, image: registry.example/p:1}]}
---
apiVersion: v1
kind: Node
metadata: {name: ${NODES.cordon}}
---
apiVersion: v1
kind: Node
metadata: {name: ${NODES.gone}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ${GONE_NS}}
`;
}
