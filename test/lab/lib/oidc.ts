// The lab's OpenID Connect provider (test/lab/oidc, zitadel/oidc's `op` package): start it
// on a free port, sign a user in through its real authorization-code + PKCE flow, and turn
// its lab-only knobs (key rotation, ID token lifetime). Tests start their own provider, so
// a shared lab that was started before the provider existed still serves them.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { ensureOidcBuilt } from './build.ts';
import { LAB_DIR, LabError, freePort, sleep } from './util.ts';

/** The provider's static users (password `lab-password`) and their groups. */
export const OIDC_USERS = {
  alice: { subject: 'u-alice', name: 'Alice Operator', groups: ['sre'] },
  carol: { subject: 'u-carol', name: 'Carol Admin', groups: ['admins'] },
  bob: { subject: 'u-bob', name: 'Bob Nogroup', groups: [] },
} as const;
export type OidcUser = keyof typeof OIDC_USERS;
export const OIDC_PASSWORD = 'lab-password';
const REDIRECT_URI = 'http://localhost/callback';

export interface OidcProvider {
  issuer: string;
  /** Signs `user` in as client `clientId` (default `orchestrator`) and returns the ID token. */
  signIn(user: OidcUser, clientId?: string): Promise<string>;
  /** Publishes a new signing key (the previous one stays in the JWKS); returns its kid. */
  rotateKeys(): Promise<string>;
  /** Lifetime of ID tokens issued from now on. */
  setIdTokenLifetime(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

const b64url = (b: Buffer) => b.toString('base64url');

function location(res: Response, step: string): string {
  const loc = res.headers.get('location');
  if (res.status < 300 || res.status >= 400 || !loc) {
    throw new LabError(`OIDC sign-in: ${step} answered ${res.status} without a redirect`);
  }
  return loc;
}

async function post(url: string, what: string): Promise<string> {
  const res = await fetch(url, { method: 'POST' });
  const body = await res.text();
  if (!res.ok) throw new LabError(`OIDC provider ${what}: ${res.status} ${body}`);
  return body;
}

/**
 * `redirectUris`: more redirect URIs for both clients, beside the one `signIn` uses (a browser
 * signing in against a server's own redirect path). The provider's clients are native, so a
 * loopback URI matches on any port (RFC 8252 section 7.3).
 */
export async function startOidcProvider(
  options: { redirectUris?: string[] } = {},
): Promise<OidcProvider> {
  const bin = await ensureOidcBuilt();
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  mkdirSync(join(LAB_DIR, 'logs'), { recursive: true });
  const logPath = join(LAB_DIR, 'logs', `oidc-provider-${port}.log`);
  const fd = openSync(logPath, 'a');
  const child: ChildProcess = spawn(
    bin,
    [
      '--port',
      String(port),
      '--redirect-uris',
      [REDIRECT_URI, ...(options.redirectUris ?? [])].join(','),
    ],
    {
      stdio: ['ignore', fd, fd],
    },
  );
  closeSync(fd);
  let exited: string | undefined;
  child.on('exit', (code, sig) => (exited = sig ?? `exit ${code}`));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited)
      throw new LabError(`OIDC provider exited during start-up (${exited}); see ${logPath}`);
    const ok = await fetch(`${issuer}/.well-known/openid-configuration`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new LabError(`OIDC provider did not answer within 30 s; see ${logPath}`);
    }
    await sleep(100);
  }
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };

  async function signIn(user: OidcUser, clientId = 'orchestrator'): Promise<string> {
    const verifier = b64url(randomBytes(32));
    const state = b64url(randomBytes(12));
    const auth = new URL(discovery.authorization_endpoint);
    auth.search = new URLSearchParams({
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid profile email',
      state,
      code_challenge: b64url(createHash('sha256').update(verifier).digest()),
      code_challenge_method: 'S256',
    }).toString();
    const loginUrl = new URL(
      location(await fetch(auth, { redirect: 'manual' }), 'authorize'),
      issuer,
    );
    const id = loginUrl.searchParams.get('authRequestID');
    if (!id) throw new LabError(`OIDC sign-in: no authRequestID in ${loginUrl.href}`);
    const login = await fetch(new URL('/login/username', issuer), {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ username: user, password: OIDC_PASSWORD, id }),
    });
    const callback = new URL(location(login, 'login'), issuer);
    const back = new URL(location(await fetch(callback, { redirect: 'manual' }), 'callback'));
    const code = back.searchParams.get('code');
    if (!code || back.searchParams.get('state') !== state) {
      throw new LabError(`OIDC sign-in: redirect without code or with a wrong state: ${back.href}`);
    }
    const tok = await fetch(discovery.token_endpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        client_id: clientId,
        code_verifier: verifier,
      }),
    });
    const body = (await tok.json()) as { id_token?: string; error?: string };
    if (!tok.ok || !body.id_token) {
      throw new LabError(`OIDC token exchange: ${tok.status} ${JSON.stringify(body)}`);
    }
    return body.id_token;
  }

  return {
    issuer,
    signIn,
    rotateKeys: async () =>
      (JSON.parse(await post(`${issuer}/lab/rotate-keys`, 'key rotation')) as { kid: string }).kid,
    setIdTokenLifetime: async (seconds) => {
      await post(`${issuer}/lab/id-token-lifetime?seconds=${seconds}`, 'token lifetime');
    },
    stop: () =>
      new Promise<void>((res) => {
        if (exited) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}
