import { describe, expect, it, vi } from 'vitest'
import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts'
import { createAuth, displayName, IssuerUnreachableError } from './auth.js'

const CONFIG = { issuer: 'http://issuer.test/dex', clientId: 'chatapp', redirectUri: 'http://chat.test/', scopes: 'openid profile' }

function fakeManager({ metadata = async () => ({ issuer: CONFIG.issuer }), user = null } = {}) {
  return class {
    constructor(settings) {
      this.settings = settings
      this.metadataService = { getMetadata: metadata }
      this.signinRedirectCallback = vi.fn(async () => user)
      this.signinRedirect = vi.fn(async () => {})
      this.getUser = vi.fn(async () => user)
      this.events = { addUserLoaded() {}, addUserUnloaded() {}, addSilentRenewError() {}, addAccessTokenExpired() {} }
      fakeManager.last = this
    }
  }
}

const withManager = (UserManagerImpl) => async () => ({ UserManager: UserManagerImpl, WebStorageStateStore })

function page(search) {
  return {
    location: { search, href: `http://chat.test/${search}`, pathname: '/' },
    history: { state: null, replaceState: vi.fn() },
  }
}

describe('createAuth', () => {
  it('uses the authorization code flow against the configured issuer', async () => {
    const { location, history } = page('')
    await createAuth(CONFIG, { loadClient: withManager(fakeManager()), storage: sessionStorage, location, history }).init()
    expect(fakeManager.last.settings).toMatchObject({
      authority: CONFIG.issuer,
      client_id: 'chatapp',
      redirect_uri: 'http://chat.test/',
      response_type: 'code',
      scope: 'openid profile',
      automaticSilentRenew: true,
    })
  })

  it('finishes a sign-in on return from the issuer and removes the code from the address', async () => {
    const user = { profile: { sub: 'alice' }, expired: false }
    const { location, history } = page('?code=abc&state=xyz')
    const auth = createAuth(CONFIG, { loadClient: withManager(fakeManager({ user })), storage: sessionStorage, location, history })
    expect(await auth.init()).toBe(user)
    expect(fakeManager.last.signinRedirectCallback).toHaveBeenCalledWith('http://chat.test/?code=abc&state=xyz')
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/')
  })

  it('goes back, after signing in, to the room the sign-in started from, and only to a path of its own', async () => {
    const { location, history } = page('')
    location.pathname = '/rooms/design'
    const auth = createAuth(CONFIG, { loadClient: withManager(fakeManager()), storage: sessionStorage, location, history })
    await auth.signIn()
    expect(fakeManager.last.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/rooms/design' } })

    for (const [returnTo, expected] of [['/rooms/design', '/rooms/design'], ['//evil.test/x', null], ['https://evil.test/', null]]) {
      const user = { profile: { sub: 'alice' }, expired: false, state: { returnTo } }
      const back = page('?code=abc&state=xyz')
      const returning = createAuth(CONFIG, { loadClient: withManager(fakeManager({ user })), storage: sessionStorage, ...back })
      await returning.init()
      expect(returning.returnTo).toBe(expected)
    }
  })

  it('has no user when the stored one expired', async () => {
    const { location, history } = page('')
    const auth = createAuth(CONFIG, { loadClient: withManager(fakeManager({ user: { expired: true } })), storage: sessionStorage, location, history })
    expect(await auth.init()).toBeNull()
  })

  it('says clearly when the issuer cannot be reached', async () => {
    const { location, history } = page('')
    const unreachable = fakeManager({ metadata: async () => { throw new Error('Failed to fetch') } })
    const auth = createAuth(CONFIG, { loadClient: withManager(unreachable), storage: sessionStorage, location, history })
    expect(await auth.init()).toBeNull()
    const failure = await auth.checkIssuer().catch((error) => error)
    expect(failure).toBeInstanceOf(IssuerUnreachableError)
    expect(failure.message).toContain('http://issuer.test/dex')
    await expect(auth.signIn()).rejects.toBeInstanceOf(IssuerUnreachableError)
    expect(fakeManager.last.signinRedirect).not.toHaveBeenCalled()
  })

  it('knows without the OIDC client whether the page may be a signed-in user\'s', async () => {
    const storage = new Map()
    const store = { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => storage.set(key, value), removeItem: (key) => storage.delete(key),
      get length() { return storage.size }, key: (index) => [...storage.keys()][index] ?? null }
    const { location, history } = page('')
    const auth = createAuth(CONFIG, { storage: store, location, history })
    expect(auth.mayBeSignedIn()).toBe(false)

    // The user as oidc-client-ts itself stores it after a sign-in.
    const oidc = new UserManager({ authority: CONFIG.issuer, client_id: CONFIG.clientId, redirect_uri: CONFIG.redirectUri,
      userStore: new WebStorageStateStore({ store }) })
    await oidc.storeUser(new User({ access_token: 'token', token_type: 'Bearer', profile: { sub: 'alice' }, expires_at: Date.now() / 1000 + 300 }))
    expect(auth.mayBeSignedIn()).toBe(true)
    expect((await auth.init()).profile.sub).toBe('alice')

    await oidc.removeUser()
    expect(auth.mayBeSignedIn()).toBe(false)
    expect(createAuth(CONFIG, { storage: store, ...page('?code=abc&state=xyz') }).mayBeSignedIn()).toBe(true)
    expect(createAuth(CONFIG, { storage: store, ...page('?error=access_denied') }).mayBeSignedIn()).toBe(true)
  })

  it('reports an error the issuer sent back', async () => {
    const { location, history } = page('?error=access_denied&error_description=denied')
    const auth = createAuth(CONFIG, { loadClient: withManager(fakeManager()), storage: sessionStorage, location, history })
    await expect(auth.init()).rejects.toThrow('Sign-in failed: denied')
  })
})

describe('displayName', () => {
  it('follows the server\'s rule: name, else username, else email, else subject', () => {
    expect(displayName({ name: 'Alice', preferred_username: 'alice', sub: 's' })).toBe('Alice')
    expect(displayName({ preferred_username: 'alice', email: 'a@x', sub: 's' })).toBe('alice')
    expect(displayName({ email: 'a@x', sub: 's' })).toBe('a@x')
    expect(displayName({ sub: 's' })).toBe('s')
  })
})
