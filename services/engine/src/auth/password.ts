import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost from OWASP's password storage cheat sheet (N=2^15, r=8, p=3): as strong as
 * its N=2^17, p=1 line with a quarter of the memory (32 MiB), so parallel logins cannot
 * exhaust the node's memory.
 */
const defaults = { N: 2 ** 15, r: 8, p: 3 } as const;
const keyLength = 32;
const saltLength = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // maxmem: scrypt needs 128 * N * r bytes; Node's default limit (32 MiB) is too small for N=2^17.
  const maxmem = 256 * (options.N ?? defaults.N) * (options.r ?? defaults.r);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes a password with scrypt and a random salt, as `scrypt$N$r$p$salt$hash`
 * (salt and hash base64url). What `baton hash-password` prints for identity files.
 */
export async function hashPassword(password: string, cost: { N?: number; r?: number; p?: number } = {}): Promise<string> {
  const options = { ...defaults, ...cost };
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, options);
  return ['scrypt', options.N, options.r, options.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `text` has the shape {@link hashPassword} produces. */
export function isPasswordHash(text: string): boolean {
  return /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/.test(text);
}

/** True when `password` matches `hash` (constant-time compare); false for a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!isPasswordHash(hash)) return false;
  const [, n, r, p, salt, expected] = hash.split('$') as [string, string, string, string, string, string];
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  const want = Buffer.from(expected, 'base64url');
  return want.length === key.length && timingSafeEqual(want, key);
}
