// The run-time configuration: window.__CHATAPP_CONFIG__, set by /config.js before the app
// loads (rendered by the server, or mounted from a ConfigMap). Nothing here is built in.

const REQUIRED = [
  'VUE_APP_DEX_ISSUER_URL',
  'VUE_APP_DEX_CLIENT_ID',
  'VUE_APP_DEX_REDIRECT_URI',
  'VUE_APP_API_BASE_URL',
  'VUE_APP_WS_URL',
]

export class ConfigError extends Error {}

/**
 * Reads and checks the configuration.
 * @returns {{issuer: string, clientId: string, redirectUri: string, scopes: string, apiBaseUrl: string, wsUrl: string}}
 * @throws {ConfigError} naming what is missing or malformed
 */
export function loadConfig(source = globalThis.window?.__CHATAPP_CONFIG__) {
  if (!source || typeof source !== 'object') {
    throw new ConfigError('config.js did not set window.__CHATAPP_CONFIG__')
  }
  const missing = REQUIRED.filter((key) => typeof source[key] !== 'string' || source[key].trim() === '')
  if (missing.length > 0) {
    throw new ConfigError(`config.js is missing ${missing.join(', ')}`)
  }
  for (const key of ['VUE_APP_DEX_ISSUER_URL', 'VUE_APP_DEX_REDIRECT_URI']) {
    if (!isUrl(source[key], ['http:', 'https:'])) {
      throw new ConfigError(`${key} is not an http(s) URL: ${source[key]}`)
    }
  }
  if (!isUrl(source.VUE_APP_WS_URL, ['ws:', 'wss:'])) {
    throw new ConfigError(`VUE_APP_WS_URL is not a ws(s) URL: ${source.VUE_APP_WS_URL}`)
  }
  return Object.freeze({
    issuer: source.VUE_APP_DEX_ISSUER_URL.replace(/\/$/, ''),
    clientId: source.VUE_APP_DEX_CLIENT_ID,
    redirectUri: source.VUE_APP_DEX_REDIRECT_URI,
    scopes: source.VUE_APP_DEX_SCOPES?.trim() || 'openid profile email',
    apiBaseUrl: source.VUE_APP_API_BASE_URL.replace(/\/$/, ''),
    wsUrl: source.VUE_APP_WS_URL,
  })
}

function isUrl(value, protocols) {
  try {
    return protocols.includes(new URL(value).protocol)
  } catch {
    return false
  }
}
