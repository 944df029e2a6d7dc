import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { BatonError, isBatonError } from '@baton/errors';
import { knownRoles, type Principal } from './principal.js';

/** How bearer JWTs from an OIDC provider are checked and read. */
export interface OidcConfig {
  /** Must equal the token's `iss`. */
  readonly issuer: string;
  /** The token's `aud` must contain it (the client id or API identifier). */
  readonly audience: string;
  /** Default: `<issuer>/.well-known/openid-configuration`'s `jwks_uri`. */
  readonly jwksUri?: string;
  /** Accepted `alg` values; default RS256 and ES256 (never `none`, never HMAC with a public key). */
  readonly algorithms?: readonly string[];
  /** Dotted path of the claim holding the username; default `preferred_username`, else `sub`. */
  readonly usernameClaim?: string;
  /** Dotted path of the roles claim (`realm_access.roles` for Keycloak); default `roles`. */
  readonly rolesClaim?: string;
  /** Default `groups`. */
  readonly groupsClaim?: string;
  /** Job types of a worker token; default `baton_job_types`. */
  readonly jobTypesClaim?: string;
  /** Allowed clock skew, seconds; default 30. */
  readonly clockToleranceSeconds?: number;
}

/** Checks a bearer token and returns its principal; throws `UNAUTHENTICATED` with the reason. */
export type JwtVerifier = (token: string) => Promise<Principal>;

function claim(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((s) => s !== '');
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  const document = response.ok ? ((await response.json()) as { jwks_uri?: unknown }) : {};
  if (typeof document.jwks_uri !== 'string') {
    throw new BatonError('UNAUTHENTICATED', `Cannot verify the bearer token: the OIDC discovery document ${url} has no jwks_uri.`, { issuer });
  }
  return document.jwks_uri;
}

function toPrincipal(payload: JWTPayload, config: OidcConfig): Principal {
  const subject = claim(payload, config.usernameClaim ?? 'preferred_username') ?? payload.sub;
  if (typeof subject !== 'string' || subject === '') {
    throw new BatonError('UNAUTHENTICATED', 'The bearer token names no user (no username claim and no sub).', {});
  }
  return {
    subject,
    via: 'bearer',
    roles: knownRoles(strings(claim(payload, config.rolesClaim ?? 'roles'))),
    groups: strings(claim(payload, config.groupsClaim ?? 'groups')),
    jobTypes: strings(claim(payload, config.jobTypesClaim ?? 'baton_job_types')),
  };
}

/**
 * A verifier for JWTs from `config.issuer`, checked with `jose`: signature against the
 * provider's JWKS (fetched and cached by key id, refetched for an unknown kid), `iss`,
 * `aud`, `exp`/`nbf` and the algorithm allow-list.
 */
export function createJwtVerifier(config: OidcConfig): JwtVerifier {
  let jwks: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keys = (): Promise<ReturnType<typeof createRemoteJWKSet>> =>
    (jwks ??= (config.jwksUri === undefined ? discoverJwksUri(config.issuer) : Promise.resolve(config.jwksUri)).then((uri) =>
      createRemoteJWKSet(new URL(uri)),
    )).catch((error: unknown) => {
      jwks = undefined;
      throw error;
    });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, await keys(), {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: [...(config.algorithms ?? ['RS256', 'ES256'])],
        clockTolerance: config.clockToleranceSeconds ?? 30,
      });
      return toPrincipal(payload, config);
    } catch (error) {
      if (isBatonError(error)) throw error;
      const reason = (error as { code?: string; message?: string }).message ?? 'invalid token';
      throw new BatonError('UNAUTHENTICATED', `The bearer token was refused: ${reason}.`, { reason: (error as { code?: string }).code ?? 'invalid' }, { cause: error });
    }
  };
}
