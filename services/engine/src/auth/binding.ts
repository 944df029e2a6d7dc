import { BatonError } from '@baton/errors';
import type { AuthConfig } from './auth-config.js';
import { publicDemoAccounts } from './demo-identity.js';

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
 * Issue 12 (6c): the demo identity's passwords are in the README, so beyond loopback it
 * would let anyone in as its admin. Refused unless `auth.allowDemoIdentity`, then a warning.
 */
function checkDemoIdentity(host: string, auth: AuthConfig): string | undefined {
  const accounts = auth.identity === undefined ? [] : publicDemoAccounts(auth.identity);
  if (accounts.length === 0) return undefined;
  const file = auth.identityFile === undefined ? 'The identity' : `The identity file "${auth.identityFile}"`;
  const risk = `${file} holds the demo accounts ${accounts.join(', ')}, whose passwords and keys are PUBLIC (printed in the README)`;
  if (auth.allowDemoIdentity === true) return `Serving ${host} with the demo identity (--allow-demo-identity): ${risk}; anyone who reaches this address can log in as them.`;
  throw new BatonError(
    'VALIDATION_FAILED',
    `Refusing to listen on ${host}: ${risk}, so anyone who reaches it could log in as them. ` +
      'Use an identity file of your own (hashes from `baton hash-password`), listen on 127.0.0.1, or pass --allow-demo-identity to accept the risk.',
    { field: 'identity', host, accounts },
  );
}

/**
 * The safe default of issue 7: without authentication the node serves loopback only.
 * Throws VALIDATION_FAILED (field `host`) saying why and what to do when asked to bind
 * elsewhere without auth; returns a warning to log when `insecureNoAuth` overrides it.
 * Likewise (field `identity`) for an identity holding the public demo accounts, unless
 * `auth.allowDemoIdentity`.
 */
export function checkBinding({ host, auth, insecureNoAuth = false }: BindingChoice): string | undefined {
  if (isLoopback(host)) return undefined;
  if (auth !== undefined) return checkDemoIdentity(host, auth);
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
