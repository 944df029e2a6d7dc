import { BatonError } from '@baton/errors';

/** How the proxy store proves who it is to the remote node (one of them). */
export interface ProxyCredentials {
  /** An API key (`baton_<id>_<secret>`), sent as header `x-api-key`: the cheap check, the one to use. */
  readonly apiKey?: string;
  /** An OIDC access token (or an API key), sent as `Authorization: Bearer`. */
  readonly bearerToken?: string;
  /** A user's name and password, sent as HTTP Basic (the node checks the password hash on every call: slow). */
  readonly username?: string;
  readonly password?: string;
}

/** A store URL taken apart: where to send, and the credentials its userinfo held. */
export interface ParsedStoreUrl {
  /** `http(s)://host[:port][/prefix]`, without userinfo or a trailing slash: safe to log. */
  readonly baseUrl: string;
  readonly credentials?: ProxyCredentials;
}

const storeUrl = /^(?:baton\+)?(https?):\/\/(?:([^@/?#]*)@)?([^/?#@]+)(\/[^?#]*)?$/i;

function invalid(url: string, why: string): BatonError {
  return new BatonError(
    'VALIDATION_FAILED',
    `Expected a Baton node's URL for the proxy store, like baton+http://central:8080 or https://central.example.com, but "${redact(url)}" ${why}.`,
    { field: 'url' },
  );
}

/** The URL with any password in its userinfo replaced by `***`, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/^([a-z+]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@').replace(/^([a-z+]+:\/\/)(baton_[^@/:]*)@/i, '$1***@');
}

function decode(part: string, url: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw invalid(url, 'has a malformed %-escape in its userinfo');
  }
}

/**
 * Reads `baton+http(s)://[userinfo@]host[:port][/prefix]` (or plain `http(s)://…`).
 * Userinfo `user:password` is HTTP Basic; a lone `baton_…` (no colon) is an API key.
 */
export function parseStoreUrl(url: string): ParsedStoreUrl {
  const match = storeUrl.exec(url.trim());
  if (match === null) throw invalid(url, 'is not one (scheme baton+http, baton+https, http or https, then a host)');
  const [, scheme = 'http', userinfo, host = '', path = ''] = match;
  const baseUrl = `${scheme.toLowerCase()}://${host}${path.replace(/\/+$/, '')}`;
  if (userinfo === undefined || userinfo === '') return { baseUrl };
  const colon = userinfo.indexOf(':');
  if (colon < 0) {
    const key = decode(userinfo, url);
    if (!key.startsWith('baton_')) throw invalid(url, 'has a userinfo that is neither user:password nor an API key (baton_…)');
    return { baseUrl, credentials: { apiKey: key } };
  }
  return { baseUrl, credentials: { username: decode(userinfo.slice(0, colon), url), password: decode(userinfo.slice(colon + 1), url) } };
}
