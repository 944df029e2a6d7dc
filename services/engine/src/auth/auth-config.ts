import type { IdentityData } from './identity.js';
import type { OidcConfig } from './jwt.js';

/** How a node authenticates callers (issue 7). Without it the API is open and binds loopback only. */
export interface AuthConfig {
  /** Users, groups, memberships and API keys (`--identity FILE`, see `loadIdentityFile`). */
  readonly identity?: IdentityData;
  /** Accept bearer JWTs from this OIDC provider. */
  readonly oidc?: OidcConfig;
  /**
   * Signs session cookies; at least 32 characters, the same on every node of a cluster.
   * Default: random per process (sessions end when the node restarts).
   */
  readonly sessionSecret?: string;
  /** Default 8 hours. */
  readonly sessionTtlMs?: number;
  /** Set the cookies' `Secure` flag: on when browsers reach the node over HTTPS. Default false. */
  readonly secureCookies?: boolean;
  /** Time source for session expiry; default `Date.now`. */
  readonly now?: () => number;
}
