// Sign-in with the identity provider from the browser, shared by the dashboard and GraphiQL:
// authorization code + PKCE (S256) against the issuer's discovery document, with state and
// nonce checked, by oauth4webapi (the protocol checks are its job, not ours). The token the
// server verifies (settings.token) goes to this tab's sessionStorage with its expiry; the
// PKCE verifier, state and nonce wait there for the provider's redirect.
import * as oauth from 'oauth4webapi';
import type { SignInSettings } from '../oidc-config.ts';
import { tokenStore } from './token.ts';

/** What waits in sessionStorage between leaving for the provider and coming back. */
interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

const PENDING = 'optiinfra.signin';

/** The settings the server put in the page, or undefined when OIDC is not configured. */
export function signInSettings(): SignInSettings | undefined {
  const text = document.getElementById('signin-config')?.textContent;
  return text ? (JSON.parse(text) as SignInSettings) : undefined;
}

const redirectUri = (s: SignInSettings) => new URL(s.redirectPath, location.origin).href;

// The server accepts an http issuer (a lab, a laptop); the library refuses one unless told.
const transport = (s: SignInSettings) => ({
  [oauth.allowInsecureRequests]: new URL(s.issuer).protocol === 'http:',
});

async function discover(s: SignInSettings): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(s.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, transport(s)));
}

/** Leaves for the provider's sign-in; the tab comes back to `returnTo` (default: here). */
export async function startSignIn(s: SignInSettings, returnTo = location.href): Promise<void> {
  const as = await discover(s);
  if (!as.authorization_endpoint)
    throw new Error(`${s.issuer} publishes no authorization_endpoint`);
  const pending: Pending = {
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    returnTo,
  };
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: s.clientId,
    redirect_uri: redirectUri(s),
    response_type: 'code',
    scope: s.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  location.assign(url.href);
}

/**
 * On the redirect path: checks the provider's answer against this tab's pending sign-in,
 * redeems the code and keeps the token. Returns where the tab goes next (same origin only).
 */
export async function finishSignIn(s: SignInSettings): Promise<string> {
  const text = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (!text) throw new Error('No sign-in was started in this tab: sign in again.');
  const pending = JSON.parse(text) as Pending;
  const as = await discover(s);
  const client: oauth.Client = { client_id: s.clientId };
  const params = oauth.validateAuthResponse(as, client, new URL(location.href), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri(s),
    pending.verifier,
    transport(s),
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  const claims = oauth.getValidatedIdTokenClaims(result);
  if (!claims) throw new Error('The provider returned no ID token.');
  if (s.token === 'id_token') {
    tokenStore.set(result.id_token as string, claims.exp * 1000);
  } else {
    const expiresAt = result.expires_in ? Date.now() + result.expires_in * 1000 : undefined;
    tokenStore.set(result.access_token, expiresAt);
  }
  const next = new URL(pending.returnTo, location.origin);
  return next.origin === location.origin ? next.href : '/';
}
