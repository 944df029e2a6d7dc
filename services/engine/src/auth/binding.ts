import { BatonError } from '@baton/errors';
import type { AuthConfig } from './auth-config.js';

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);

/** Whether `host` is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  return loopbackHosts.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** What {@link checkBinding} needs to know. */
export interface BindingChoice {
  readonly host: string;
  readonly auth?: AuthConfig;
  /** `--insecure-no-auth`: bind elsewhere without authentication anyway. */
  readonly insecureNoAuth?: boolean;
}

/**
 * The safe default of issue 7: without authentication the node serves loopback only.
 * Throws VALIDATION_FAILED (field `host`) saying why and what to do when asked to bind
 * elsewhere without auth; returns a warning to log when `insecureNoAuth` overrides it.
 */
export function checkBinding({ host, auth, insecureNoAuth = false }: BindingChoice): string | undefined {
  if (auth !== undefined || isLoopback(host)) return undefined;
  if (insecureNoAuth) {
    return `Serving ${host} WITHOUT authentication (--insecure-no-auth): anyone who reaches this address can deploy models, which run expressions, and act on every instance.`;
  }
  throw new BatonError(
    'VALIDATION_FAILED',
    `Refusing to listen on ${host} without authentication: anyone who reaches it could deploy models and act on every instance. ` +
      'Configure identity (--identity FILE) or an OIDC provider, listen on 127.0.0.1, or pass --insecure-no-auth to accept the risk.',
    { field: 'host', host },
  );
}
