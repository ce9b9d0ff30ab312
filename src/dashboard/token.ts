// The API token of this browser tab, shared by the dashboard and GraphiQL (same origin):
// sessionStorage, so it is gone when the tab closes and never appears in a URL. A token from
// an OIDC sign-in also keeps its expiry, so the page can send the person back to sign in.
const KEY = 'optiinfra.token';
const EXPIRES = 'optiinfra.token.expires';

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(KEY),
  /** `expiresAt` in epoch milliseconds, for a token that expires (an OIDC one). */
  set: (token: string, expiresAt?: number): void => {
    sessionStorage.setItem(KEY, token);
    if (expiresAt) sessionStorage.setItem(EXPIRES, String(expiresAt));
    else sessionStorage.removeItem(EXPIRES);
  },
  clear: (): void => {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(EXPIRES);
  },
};

/** Runs `then` when the tab's token expires (never for a static token); returns a cancel. */
export function whenExpired(then: () => void): () => void {
  const at = Number(sessionStorage.getItem(EXPIRES));
  if (!at) return () => {};
  // A delay over 2^31-1 ms would fire at once; ID tokens live minutes to hours, not 24 days.
  const timer = setTimeout(then, Math.min(Math.max(at - Date.now(), 0), 2 ** 31 - 1));
  return () => clearTimeout(timer);
}

/** Asks the API who the token belongs to: the viewer, or why not. */
export async function whoAmI(
  token: string,
): Promise<{ name: string; displayName: string | null; role: string } | Error> {
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { name displayName role } }' }),
    });
    const body = (await res.json()) as {
      data?: { viewer: { name: string; displayName: string | null; role: string } };
      errors?: { message: string; extensions?: { reason?: string } }[];
    };
    const problem = body.errors?.[0];
    return (
      body.data?.viewer ??
      new Error(
        problem
          ? `${problem.message}${problem.extensions?.reason ? ` (${problem.extensions.reason})` : ''}`
          : `HTTP ${res.status}`,
      )
    );
  } catch (err) {
    return err as Error;
  }
}
