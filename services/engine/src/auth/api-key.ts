import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every API key starts with this, so it is told from a JWT and found by secret scanners. */
export const apiKeyPrefix = 'baton_';

/** A new API key and what the identity file stores of it. */
export interface NewApiKey {
  /** The secret to hand to the worker once; never stored. */
  readonly key: string;
  /** `sha256:<hex>`: what the identity file keeps under `apiKeys[].hash`. */
  readonly hash: string;
}

/**
 * The stored form of an API key. SHA-256 and not scrypt: the key is 256 random bits,
 * so a slow hash adds nothing against guessing and would cost every request.
 */
export function hashApiKey(key: string): string {
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/** Creates a key `baton_<keyId>_<secret>`; `keyId` names it in logs and in the identity file. */
export function createApiKey(keyId: string): NewApiKey {
  if (!/^[a-z0-9-]+$/i.test(keyId)) throw new Error(`API key id "${keyId}" must be letters, digits and dashes.`);
  const key = `${apiKeyPrefix}${keyId}_${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key) };
}

/** The key id of `baton_<keyId>_<secret>`, or undefined for another shape. */
export function apiKeyIdOf(key: string): string | undefined {
  return /^baton_([a-z0-9-]+)_[\w-]{20,}$/i.exec(key)?.[1];
}

/** Constant-time check of a presented key against its stored hash. */
export function matchesApiKey(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key));
  const stored = Buffer.from(storedHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
