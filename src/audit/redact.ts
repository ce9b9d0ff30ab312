import { isIP } from 'node:net';
import { AppError, ForbiddenError, ValidationError } from '../errors.ts';
import type { AuditError } from './types.ts';

// Viewers read every audit event. A provider's error text often names the endpoint it could
// not reach (a kube-apiserver URL, an AWS endpoint override, a node's IP): the orchestrator's
// internal topology, which a viewer has no business learning. Codes, verbs and object names
// stay; addresses become placeholders. The full text goes to the server log only.

const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()[\]{}]+/gi;
// An IPv6 candidate: hex groups with at least two colons, optionally bracketed with a port.
const IPV6_RE = /\[?[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:%[\w.]+)?\]?(?::\d{1,5})?/gi;
const IPV4_RE = /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = `${LABEL}(?:\\.${LABEL})+`;
// A dotted name with a port is an endpoint whatever it is called.
const HOST_PORT_RE = new RegExp(`\\b${HOST}:\\d{1,5}\\b`, 'gi');
// A bare name is only an endpoint where a network error names it (Node's and Go's wording) or
// where its suffix is a private zone: "deployments.apps" in a Kubernetes message is not a host.
const HOST_AFTER_RE = new RegExp(
  `\\b(ENOTFOUND|EAI_AGAIN|getaddrinfo|lookup|host|connect to|dial tcp)( +)${HOST}\\b`,
  'gi',
);
const PRIVATE_HOST_RE = new RegExp(
  `\\b${HOST}\\.(?:internal|local|localdomain|lan|corp|intranet|svc|cluster\\.local)\\b`,
  'gi',
);

export const REDACTED = {
  url: '<url>',
  address: '<address>',
  host: '<host>',
} as const;

/** The text with URLs, IP addresses and host names replaced by placeholders. */
export function redactEndpoints(text: string): string {
  return text
    .replace(URL_RE, REDACTED.url)
    .replace(IPV6_RE, (m) => {
      const bare = m
        .replace(/^\[/, '')
        .replace(/\](?::\d+)?$/, '')
        .replace(/%.*$/, '');
      return isIP(bare) === 6 ? REDACTED.address : m;
    })
    .replace(IPV4_RE, (m) => (isIP(m.replace(/:\d+$/, '')) === 4 ? REDACTED.address : m))
    .replace(HOST_PORT_RE, REDACTED.host)
    .replace(HOST_AFTER_RE, (_m, word: string, gap: string) => `${word}${gap}${REDACTED.host}`)
    .replace(PRIVATE_HOST_RE, REDACTED.host);
}

/**
 * The one place a failure becomes audit text: its code, and its messages with internal
 * endpoints redacted (see above).
 */
export function auditErrorOf(err: unknown): AuditError {
  if (err instanceof ValidationError) {
    return {
      code: err.code,
      message: redactEndpoints(err.message),
      fields: err.fields.map((f) => ({ path: f.path, message: redactEndpoints(f.message) })),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    code: err instanceof AppError ? err.code : 'PROVIDER_ERROR',
    message: redactEndpoints(message),
    // What a person's own RBAC lacked (impersonation): kept, so a replay says it too.
    ...(err instanceof ForbiddenError && err.requiredPermission
      ? { requiredPermission: err.requiredPermission }
      : {}),
  };
}
