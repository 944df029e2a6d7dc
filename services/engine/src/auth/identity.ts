import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { BatonError } from '@baton/errors';
import { isPasswordHash } from './password.js';
import { roles, type Role } from './principal.js';

export interface UserRecord {
  readonly username: string;
  readonly name?: string;
  readonly email?: string;
  /** `scrypt$...` from `hashPassword`; absent for an account that cannot log in with a password. */
  readonly passwordHash?: string;
  readonly roles: readonly Role[];
  /** Groups the user is a member of (memberships may also be listed under the group). */
  readonly groups: readonly string[];
}

export interface GroupRecord {
  readonly groupId: string;
  readonly name?: string;
  readonly description?: string;
  /** Roles every member gets. */
  readonly roles: readonly Role[];
  readonly members: readonly string[];
}

export interface ApiKeyRecord {
  readonly keyId: string;
  /** `sha256:<hex>` from `hashApiKey`. */
  readonly hash: string;
  readonly roles: readonly Role[];
  /** Job types the key may activate and complete (`*`: all). */
  readonly jobTypes: readonly string[];
}

/** Users, groups, memberships and API keys: the content of an identity file. */
export interface IdentityData {
  readonly users: readonly UserRecord[];
  readonly groups: readonly GroupRecord[];
  readonly apiKeys: readonly ApiKeyRecord[];
}

type Raw = Record<string, unknown>;

function invalid(source: string, field: string, expected: string): BatonError {
  return new BatonError('VALIDATION_FAILED', `Identity ${source}: expected ${field} to be ${expected}.`, { field });
}

function text(raw: Raw, key: string, field: string, source: string, required: boolean): string | undefined {
  const value = raw[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value === '') throw invalid(source, `${field}.${key}`, 'a non-empty string');
  return value;
}

function list(raw: Raw, key: string, field: string, source: string): string[] {
  const value = raw[key] ?? [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw invalid(source, `${field}.${key}`, 'a list of strings');
  return value as string[];
}

function roleList(raw: Raw, field: string, source: string): Role[] {
  const values = list(raw, 'roles', field, source);
  const unknown = values.filter((value) => !(roles as readonly string[]).includes(value));
  if (unknown.length > 0) throw invalid(source, `${field}.roles`, `some of ${roles.join(', ')}, not ${unknown.join(', ')}`);
  return values as Role[];
}

function entries(doc: Raw, key: string, source: string): Raw[] {
  const value = doc[key] ?? [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'object' && item !== null)) throw invalid(source, key, 'a list of maps');
  return value as Raw[];
}

function toUser(raw: Raw, field: string, source: string): UserRecord {
  if (raw['password'] !== undefined) {
    throw new BatonError('VALIDATION_FAILED', `Identity ${source}: ${field} has a plain "password"; store "passwordHash" from \`baton hash-password\` instead.`, {
      field: `${field}.password`,
    });
  }
  const passwordHash = text(raw, 'passwordHash', field, source, false);
  if (passwordHash !== undefined && !isPasswordHash(passwordHash)) throw invalid(source, `${field}.passwordHash`, 'a hash from `baton hash-password`');
  const name = text(raw, 'name', field, source, false);
  const email = text(raw, 'email', field, source, false);
  return {
    username: text(raw, 'username', field, source, true) ?? '',
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
    ...(passwordHash === undefined ? {} : { passwordHash }),
    roles: roleList(raw, field, source),
    groups: list(raw, 'groups', field, source),
  };
}

function toGroup(raw: Raw, field: string, source: string): GroupRecord {
  const name = text(raw, 'name', field, source, false);
  const description = text(raw, 'description', field, source, false);
  return {
    groupId: text(raw, 'id', field, source, true) ?? '',
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
    roles: roleList(raw, field, source),
    members: list(raw, 'members', field, source),
  };
}

function toApiKey(raw: Raw, field: string, source: string): ApiKeyRecord {
  const hash = text(raw, 'hash', field, source, true) ?? '';
  if (!/^sha256:[0-9a-f]{64}$/.test(hash)) throw invalid(source, `${field}.hash`, 'a hash from `baton create-api-key` (sha256:<hex>)');
  const keyRoles = raw['roles'] === undefined ? (['worker'] as Role[]) : roleList(raw, field, source);
  return { keyId: text(raw, 'id', field, source, true) ?? '', hash, roles: keyRoles, jobTypes: list(raw, 'jobTypes', field, source) };
}

function unique<T>(items: readonly T[], idOf: (item: T) => string, field: string, source: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(idOf(item))) throw invalid(source, field, `unique, but "${idOf(item)}" appears twice`);
    seen.add(idOf(item));
  }
}

/**
 * Parses an identity YAML document (`users`, `groups`, `apiKeys`; see the engine README).
 * Throws `VALIDATION_FAILED` naming the field for anything malformed, an unknown role,
 * a duplicate id, or a plain-text password.
 */
export function parseIdentity(yamlText: string, source = 'file'): IdentityData {
  const doc: unknown = parse(yamlText) ?? {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw invalid(source, 'the document', 'a map with users, groups and apiKeys');
  const raw = doc as Raw;
  const users = entries(raw, 'users', source).map((entry, i) => toUser(entry, `users[${i}]`, source));
  const groups = entries(raw, 'groups', source).map((entry, i) => toGroup(entry, `groups[${i}]`, source));
  const apiKeys = entries(raw, 'apiKeys', source).map((entry, i) => toApiKey(entry, `apiKeys[${i}]`, source));
  unique(users, (u) => u.username, 'users[].username', source);
  unique(groups, (g) => g.groupId, 'groups[].id', source);
  unique(apiKeys, (k) => k.keyId, 'apiKeys[].id', source);
  return { users, groups, apiKeys };
}

/** Reads and parses an identity file (`--identity FILE`). */
export async function loadIdentityFile(path: string): Promise<IdentityData> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new BatonError('VALIDATION_FAILED', `Cannot read identity file "${path}": ${(error as Error).message}.`, { field: 'identity' }, { cause: error });
  }
  return parseIdentity(content, `file "${path}"`);
}
