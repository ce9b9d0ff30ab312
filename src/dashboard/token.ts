// The API token of this browser tab, shared by the dashboard and GraphiQL (same origin):
// sessionStorage, so it is gone when the tab closes and never appears in a URL.
const KEY = 'optiinfra.token';

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (token: string): void => sessionStorage.setItem(KEY, token),
  clear: (): void => sessionStorage.removeItem(KEY),
};

/** Asks the API who the token belongs to: the viewer, or why not. */
export async function whoAmI(token: string): Promise<{ name: string; role: string } | Error> {
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { name role } }' }),
    });
    const body = (await res.json()) as {
      data?: { viewer: { name: string; role: string } };
      errors?: { message: string }[];
    };
    return body.data?.viewer ?? new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
  } catch (err) {
    return err as Error;
  }
}
