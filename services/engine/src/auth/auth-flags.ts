import { BatonError } from '@baton/errors';
import type { AuthConfig } from './auth-config.js';
import { loadIdentityFile } from './identity.js';

/** The `baton serve` flags (and env) that configure authentication. */
export interface AuthFlags {
  /** `--identity FILE` */
  readonly identityFile?: string;
  /** `--oidc-issuer URL` */
  readonly oidcIssuer?: string;
  /** `--oidc-audience ID` */
  readonly oidcAudience?: string;
  /** `--oidc-jwks-uri URL`; default from the issuer's discovery document. */
  readonly oidcJwksUri?: string;
  /** `--oidc-roles-claim PATH`, e.g. `realm_access.roles`. */
  readonly oidcRolesClaim?: string;
  /** `BATON_SESSION_SECRET` (an env variable, not a flag: it is a secret). */
  readonly sessionSecret?: string;
  /** `--secure-cookies` */
  readonly secureCookies?: boolean;
  /** `--allow-demo-identity` */
  readonly allowDemoIdentity?: boolean;
}

/**
 * Builds the node's {@link AuthConfig} from the serve flags: undefined when neither an
 * identity file nor an OIDC issuer is given (the node then serves loopback only).
 * Throws VALIDATION_FAILED for an unreadable or invalid identity file, or an issuer
 * without audience.
 */
export async function authConfigFromFlags(flags: AuthFlags): Promise<AuthConfig | undefined> {
  if (flags.identityFile === undefined && flags.oidcIssuer === undefined) return undefined;
  if (flags.oidcIssuer !== undefined && flags.oidcAudience === undefined) {
    throw new BatonError('VALIDATION_FAILED', 'With --oidc-issuer, also give --oidc-audience: tokens for other audiences must be refused.', { field: 'oidcAudience' });
  }
  const oidc =
    flags.oidcIssuer === undefined
      ? undefined
      : {
          issuer: flags.oidcIssuer,
          audience: flags.oidcAudience ?? '',
          ...(flags.oidcJwksUri === undefined ? {} : { jwksUri: flags.oidcJwksUri }),
          ...(flags.oidcRolesClaim === undefined ? {} : { rolesClaim: flags.oidcRolesClaim }),
        };
  return {
    ...(flags.identityFile === undefined ? {} : { identity: await loadIdentityFile(flags.identityFile), identityFile: flags.identityFile }),
    ...(oidc === undefined ? {} : { oidc }),
    ...(flags.sessionSecret === undefined ? {} : { sessionSecret: flags.sessionSecret }),
    ...(flags.secureCookies === undefined ? {} : { secureCookies: flags.secureCookies }),
    ...(flags.allowDemoIdentity === true ? { allowDemoIdentity: true } : {}),
  };
}
