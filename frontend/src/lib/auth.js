// Sign-in with the OIDC provider (Dex; locally the development issuer): authorization code
// flow with PKCE through oidc-client-ts, tokens renewed before they expire.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts'

export class IssuerUnreachableError extends Error {}

/**
 * @param {{issuer: string, clientId: string, redirectUri: string, scopes: string}} config
 */
export function createAuth(config, { UserManagerImpl = UserManager, storage = globalThis.sessionStorage, location = globalThis.location,
  history = globalThis.history } = {}) {
  const manager = new UserManagerImpl({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.redirectUri,
    response_type: 'code',
    scope: config.scopes,
    automaticSilentRenew: true,
    // Renew a minute before expiry; with a refresh token this needs no page or iframe.
    accessTokenExpiringNotificationTimeInSeconds: 60,
    userStore: new WebStorageStateStore({ store: storage }),
    stateStore: new WebStorageStateStore({ store: storage }),
  })

  /** Makes sure the issuer answers, so that an unreachable or misconfigured one is shown as such. */
  async function checkIssuer() {
    try {
      await manager.metadataService.getMetadata()
    } catch (failure) {
      throw new IssuerUnreachableError(`The sign-in service at ${config.issuer} cannot be reached or is misconfigured (${failure.message})`)
    }
  }

  // Where the user was when they signed in (a room's address), to go back there afterwards.
  let returnTo = null

  return {
    manager,

    /** The app's own path the sign-in started from, once the user is back from the issuer; else null. */
    get returnTo() {
      return returnTo
    },

    /**
     * Finishes a sign-in if the page is the return from the issuer, and gives the signed-in
     * user, or null.
     */
    async init() {
      const params = new URLSearchParams(location.search)
      if (params.has('code') && params.has('state')) {
        try {
          const signedIn = await manager.signinRedirectCallback(location.href)
          returnTo = ownPath(signedIn?.state?.returnTo)
        } finally {
          // The code is single use: never leave it in the address bar or the history.
          history.replaceState(history.state, '', location.pathname)
        }
      } else if (params.has('error')) {
        history.replaceState(history.state, '', location.pathname)
        throw new Error(`Sign-in failed: ${params.get('error_description') || params.get('error')}`)
      }
      await checkIssuer()
      const user = await manager.getUser()
      return user && !user.expired ? user : null
    },

    async signIn() {
      await checkIssuer()
      await manager.signinRedirect({ state: { returnTo: location.pathname } })
    },

    async signOut() {
      const metadata = await manager.metadataService.getMetadata().catch(() => ({}))
      if (metadata.end_session_endpoint) {
        await manager.signoutRedirect()
      } else {
        await manager.removeUser()
        location.assign(config.redirectUri)
      }
    },

    /** The current access token, renewed first if it has expired. */
    async token() {
      let user = await manager.getUser()
      if (user?.expired) {
        user = await manager.signinSilent().catch(() => null)
      }
      return user?.access_token ?? null
    },

    onUserChanged(listener) {
      manager.events.addUserLoaded(listener)
      manager.events.addUserUnloaded(() => listener(null))
    },

    onSessionLost(listener) {
      manager.events.addSilentRenewError(listener)
      manager.events.addAccessTokenExpired(listener)
    },
  }
}

/** The name to show for a user: the same rule the server applies to a message's sender. */
export function displayName(profile) {
  return profile?.name || profile?.preferred_username || profile?.email || profile?.sub || 'unknown'
}

/** A path of this app (never another site's address), or null. */
function ownPath(path) {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : null
}
