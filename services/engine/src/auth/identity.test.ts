import { describe, expect, it } from 'vitest';
import { apiKeyIdOf, createApiKey, hashApiKey, matchesApiKey } from './api-key.js';
import { testIdentity } from './__fixtures__/auth-harness.js';
import { publicDemoAccounts } from './demo-identity.js';
import { createIdentityDirectory } from './directory.js';
import { loadIdentityFile, parseIdentity } from './identity.js';
import { hashPassword, isPasswordHash, verifyPassword } from './password.js';

const cheap = { N: 1024, r: 8, p: 1 };

describe('passwords (scrypt)', () => {
  it('verifies the password it hashed and nothing else; salts differ', async () => {
    const hash = await hashPassword('s3cret words', cheap);
    expect(isPasswordHash(hash)).toBe(true);
    expect(hash).not.toContain('s3cret');
    expect(await verifyPassword('s3cret words', hash)).toBe(true);
    expect(await verifyPassword('s3cret word', hash)).toBe(false);
    expect(await hashPassword('s3cret words', cheap)).not.toBe(hash);
    expect(await verifyPassword('s3cret words', 'plain')).toBe(false);
  });

  it('uses the OWASP cost by default', async () => {
    expect(await hashPassword('x')).toMatch(/^scrypt\$32768\$8\$3\$/);
  });
});

describe('API keys', () => {
  it('are told by their id and matched by their stored hash only', () => {
    const { key, hash } = createApiKey('payments');
    expect(apiKeyIdOf(key)).toBe('payments');
    expect(hash).toBe(hashApiKey(key));
    expect(hash).not.toContain(key.slice(-20));
    expect(matchesApiKey(key, hash)).toBe(true);
    expect(matchesApiKey(`${key}x`, hash)).toBe(false);
    expect(apiKeyIdOf('eyJhbGciOi.x.y')).toBeUndefined();
  });
});

const hash = 'scrypt$1024$8$1$c2FsdA$aGFzaA';
const key = hashApiKey('k');

describe('identity file', () => {
  it('reads users, groups, memberships from both sides, group roles, and API keys', () => {
    // given
    const data = parseIdentity(`
users:
  - { username: ann, passwordHash: "${hash}", roles: [user], groups: [sales] }
  - { username: bob, passwordHash: "${hash}", roles: [admin] }
groups:
  - { id: sales, name: Sales }
  - { id: ops, roles: [operator], members: [ann] }
apiKeys:
  - { id: pay, hash: "${key}", jobTypes: [charge-card] }
`);
    // when
    const directory = createIdentityDirectory(data);
    // then
    expect(directory.principalOfUser('ann', 'session')).toMatchObject({ subject: 'ann', roles: ['operator', 'user'], groups: ['ops', 'sales'] });
    expect(directory.principalOfApiKey('pay')).toMatchObject({ subject: 'pay', via: 'apiKey', roles: ['worker'], jobTypes: ['charge-card'] });
    expect(directory.principalOfUser('nobody', 'session')).toBeUndefined();
  });

  it.each([
    ['a plain password', 'users: [{ username: ann, password: hunter2 }]', 'users[0].password'],
    ['an unknown role', 'users: [{ username: ann, roles: [root] }]', 'users[0].roles'],
    ['a malformed hash', 'users: [{ username: ann, passwordHash: md5abc }]', 'users[0].passwordHash'],
    ['a duplicate user', 'users: [{ username: ann }, { username: ann }]', 'users[].username'],
    ['an API key without hash', 'apiKeys: [{ id: pay }]', 'apiKeys[0].hash'],
    ['a non-list', 'users: ann', 'users'],
  ])('refuses %s, naming the field', (_name, yaml, field) => {
    expect(() => parseIdentity(yaml)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: expect.objectContaining({ field }) }));
  });
});

describe('the demo identity file', () => {
  it('parses, and its documented passwords log in', async () => {
    const data = await loadIdentityFile(new URL('../../examples/identity.yaml', import.meta.url).pathname);
    const byName = new Map(data.users.map((u) => [u.username, u.passwordHash ?? '']));
    for (const name of ['ann', 'max', 'ada']) expect(await verifyPassword(`${name}-demo`, byName.get(name) ?? '')).toBe(true);
    const key = 'baton_demo-worker_9OF59J7sOnR7YZGOxBQthJdw-0jSdXlNM8Wq-ja7B-E';
    expect(matchesApiKey(key, data.apiKeys[0]?.hash ?? '')).toBe(true);
    // and every one of these public credentials is known as such (issue 12: refused beyond loopback)
    expect(publicDemoAccounts(data)).toEqual(['ann', 'max', 'ada', 'demo-worker']);
    expect(publicDemoAccounts(await testIdentity())).toEqual([]);
  });
});
