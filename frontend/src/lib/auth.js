// Sign-in with the OIDC provider (Dex; locally the development issuer): authorization code
// flow with PKCE through oidc-client-ts, tokens renewed before they expire.

export class IssuerUnreachableError extends Error {}

// The OIDC client is most of the sign-in screen's script, and that screen needs it only
// once the button is pressed, so it is loaded beside the screen rather than before it.
const loadOidcClient = () => import('oidc-client-ts')

/**
 * @param {{issuer: string, clientId: string, redirectUri: string, scopes: string}} config
 */
export function createAuth(config, { loadClient = loadOidcClient, storage = globalThis.sessionStorage, location = globalThis.location,
  history = globalThis.history } = {}) {
  const managerReady = loadClient().then(({ UserManager, WebStorageStateStore }) => new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.redirectUri,
    response_type: 'code',
    scope: config.scopes,
    automaticSilentRenew: true,
    // Renew a minute before expiry; with a refresh token this needs no page or iframe.
    accessTokenExpiringNotificationTimeInSeconds: 60,
    userStore: new WebStorageStateStore({ store: storage, prefix: STORE_PREFIX }),
    stateStore: new WebStorageStateStore({ store: storage, prefix: STORE_PREFIX }),
  }))

  /** Makes sure the issuer answers, so that an unreachable or misconfigured one is shown as such. */
  async function checkIssuer() {
    try {
      await (await managerReady).metadataService.getMetadata()
    } catch (failure) {
      throw new IssuerUnreachableError(`The sign-in service at ${config.issuer} cannot be reached or is misconfigured (${failure.message})`)
    }
  }

  // Where the user was when they signed in (a room's address), to go back there afterwards.
  let returnTo = null

  return {
    /**
     * Whether this page may belong to a signed-in user: it is the return from the issuer, or
     * a user of this issuer and client is stored. When not, the sign-in screen can show
     * before the OIDC client has loaded.
     */
    mayBeSignedIn() {
      const params = new URLSearchParams(location.search)
      return (params.has('code') && params.has('state')) || params.has('error')
        || storage.getItem(`${STORE_PREFIX}user:${config.issuer}:${config.clientId}`) !== null
    },

    /** The app's own path the sign-in started from, once the user is back from the issuer; else null. */
    get returnTo() {
      return returnTo
    },

    /**
     * Finishes a sign-in if the page is the return from the issuer, and gives the signed-in
     * user, or null. It asks nothing of the issuer otherwise: see checkIssuer.
     */
    async init() {
      const oidc = await managerReady
      const params = new URLSearchParams(location.search)
      if (params.has('code') && params.has('state')) {
        try {
          const signedIn = await oidc.signinRedirectCallback(location.href)
          returnTo = ownPath(signedIn?.state?.returnTo)
        } finally {
          // The code is single use: never leave it in the address bar or the history.
          history.replaceState(history.state, '', location.pathname)
        }
      } else if (params.has('error')) {
        history.replaceState(history.state, '', location.pathname)
        throw new Error(`Sign-in failed: ${params.get('error_description') || params.get('error')}`)
      }
      const user = await oidc.getUser()
      return user && !user.expired ? user : null
    },

    checkIssuer,

    async signIn() {
      await checkIssuer()
      await (await managerReady).signinRedirect({ state: { returnTo: location.pathname } })
    },

    async signOut() {
      const oidc = await managerReady
      const metadata = await oidc.metadataService.getMetadata().catch(() => ({}))
      if (metadata.end_session_endpoint) {
        await oidc.signoutRedirect()
      } else {
        await oidc.removeUser()
        location.assign(config.redirectUri)
      }
    },

    /** The current access token, renewed first if it has expired. */
    async token() {
      const oidc = await managerReady
      let user = await oidc.getUser()
      if (user?.expired) {
        user = await oidc.signinSilent().catch(() => null)
      }
      return user?.access_token ?? null
    },

    onUserChanged(listener) {
      managerReady.then((oidc) => {
        oidc.events.addUserLoaded(listener)
        oidc.events.addUserUnloaded(() => listener(null))
      })
    },

    onSessionLost(listener) {
      managerReady.then((oidc) => {
        oidc.events.addSilentRenewError(listener)
        oidc.events.addAccessTokenExpired(listener)
      })
    },
  }
}

// oidc-client-ts's own prefix, named here because mayBeSignedIn looks for its user entry.
const STORE_PREFIX = 'oidc.'

/** The name to show for a user: the same rule the server applies to a message's sender. */
export function displayName(profile) {
  return profile?.name || profile?.preferred_username || profile?.email || profile?.sub || 'unknown'
}

/** A path of this app (never another site's address), or null. */
function ownPath(path) {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : null
}
