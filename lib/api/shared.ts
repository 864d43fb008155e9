import { createApiClient, type ApiClient } from './client';
import { createTokenStore, type TokenStore } from './token-store';

/**
 * The app's one token store and one API client, created on first use in the browser (never at
 * import). On the server each call gets a fresh, storage-less store so no session is ever shared
 * between requests.
 */
let tokenStore: TokenStore | null = null;
let apiClient: ApiClient | null = null;

function browserStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function getTokenStore(): TokenStore {
  if (typeof window === 'undefined') return createTokenStore({ storage: null });
  tokenStore ??= createTokenStore({ storage: browserStorage() });
  return tokenStore;
}

export function getApiClient(): ApiClient {
  if (apiClient) return apiClient;
  const store = getTokenStore();
  const client = createApiClient({
    auth: { getAccessToken: () => store.getAccessToken(), refresh: () => store.refresh() },
  });
  if (typeof window !== 'undefined') apiClient = client;
  return client;
}

/** Tests (and tools) point the app's queries at their own server. Pass null to go back to the default. */
export function setSharedInstances(next: { tokenStore?: TokenStore | null; apiClient?: ApiClient | null }): void {
  if (next.tokenStore !== undefined) tokenStore = next.tokenStore;
  if (next.apiClient !== undefined) apiClient = next.apiClient;
}
