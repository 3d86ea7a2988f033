import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

const VALID = {
  VUE_APP_DEX_ISSUER_URL: 'https://dex.example.com/dex/',
  VUE_APP_DEX_CLIENT_ID: 'chatapp',
  VUE_APP_DEX_REDIRECT_URI: 'https://chat.example.com/',
  VUE_APP_DEX_SCOPES: 'openid profile email offline_access',
  VUE_APP_API_BASE_URL: '/api/',
  VUE_APP_WS_URL: 'wss://chat.example.com/ws/chat',
}

describe('loadConfig', () => {
  it('reads the run-time settings', () => {
    expect(loadConfig(VALID)).toEqual({
      issuer: 'https://dex.example.com/dex',
      clientId: 'chatapp',
      redirectUri: 'https://chat.example.com/',
      scopes: 'openid profile email offline_access',
      apiBaseUrl: '/api',
      wsUrl: 'wss://chat.example.com/ws/chat',
    })
  })

  it('reads window.__CHATAPP_CONFIG__ by default', () => {
    window.__CHATAPP_CONFIG__ = VALID
    try {
      expect(loadConfig().clientId).toBe('chatapp')
    } finally {
      delete window.__CHATAPP_CONFIG__
    }
  })

  it('defaults the scopes', () => {
    const { VUE_APP_DEX_SCOPES, ...withoutScopes } = VALID
    expect(loadConfig(withoutScopes).scopes).toBe('openid profile email')
  })

  it('says when config.js is absent', () => {
    expect(() => loadConfig(undefined)).toThrow(ConfigError)
    expect(() => loadConfig(undefined)).toThrow(/window.__CHATAPP_CONFIG__/)
  })

  it('names every missing setting', () => {
    const { VUE_APP_DEX_CLIENT_ID, VUE_APP_WS_URL, ...incomplete } = VALID
    expect(() => loadConfig(incomplete)).toThrow('config.js is missing VUE_APP_DEX_CLIENT_ID, VUE_APP_WS_URL')
    expect(() => loadConfig({ ...VALID, VUE_APP_DEX_CLIENT_ID: '  ' })).toThrow(/VUE_APP_DEX_CLIENT_ID/)
  })

  it('refuses URLs of the wrong kind', () => {
    expect(() => loadConfig({ ...VALID, VUE_APP_DEX_ISSUER_URL: 'dex' })).toThrow(/VUE_APP_DEX_ISSUER_URL/)
    expect(() => loadConfig({ ...VALID, VUE_APP_WS_URL: 'https://chat.example.com/ws/chat' })).toThrow(/VUE_APP_WS_URL/)
    expect(() => loadConfig({ ...VALID, VUE_APP_DEX_REDIRECT_URI: 'javascript:alert(1)' })).toThrow(/VUE_APP_DEX_REDIRECT_URI/)
  })
})
