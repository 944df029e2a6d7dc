import type { IdentityData } from './identity.js';
import type { OidcConfig } from './jwt.js';
import type { LoginThrottleConfig } from './login-throttle.js';

/** How a node authenticates callers (issue 7). Without it the API is open and binds loopback only. */
export interface AuthConfig {
  /** Users, groups, memberships and API keys (`--identity FILE`, see `loadIdentityFile`). */
  readonly identity?: IdentityData;
  /** The file `identity` was read from, named in warnings. */
  readonly identityFile?: string;
  /**
   * `--allow-demo-identity`: listen beyond loopback even though `identity` holds the demo
   * accounts, whose passwords are public (logged as a warning). Default false: refused.
   */
  readonly allowDemoIdentity?: boolean;
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
  /** Limits on failed logins (POST /v2/auth/login), counted in the identity store (issue 12). Default 5 per (IP, username) then a doubling wait from 1 minute, 20 per IP per 15 minutes. */
  readonly loginThrottle?: LoginThrottleConfig;
  /** Time source for session expiry and the login throttle; default `Date.now`. */
  readonly now?: () => number;
}
