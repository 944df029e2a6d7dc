import type { GroupRecord, IdentityData, UserRecord } from './identity.js';

/** A deletion kept in the store: it also hides a record of the same id that the identity file holds. */
export interface IdentityTombstone {
  readonly deleted: true;
}

/** The changes the admins made, by username and group id, and the revision they add up to. */
export interface IdentityChanges {
  /** 0 before the first write; each write adds one. */
  readonly revision: number;
  readonly users: ReadonlyMap<string, UserRecord | IdentityTombstone>;
  readonly groups: ReadonlyMap<string, GroupRecord | IdentityTombstone>;
}

/** What the store says about one session at one moment (one round trip), see {@link IdentityStore.sessionStanding}. */
export interface SessionStanding {
  /** The store's revision: a node whose directory is older loads before it trusts a session. */
  readonly revision: number;
  /**
   * The user's session generation: 0 until the first {@link IdentityStore.deleteUser} or
   * `putUser(…, { endSessions: true })`, each of which adds one. A session carries the
   * generation it started at; any other value means its user's sessions were ended.
   */
  readonly generation: number;
  /** The session was ended by {@link IdentityStore.revokeSession} (a logout) and its record has not expired. */
  readonly isRevoked: boolean;
}

/** Options of {@link IdentityStore.putUser}. */
export interface PutUserOptions {
  /** End every session of the user (a password change): their generation goes up in the same atomic write. */
  readonly endSessions?: boolean;
}

/** Failed logins as the store keeps them (issue 12, finding 6b): see {@link IdentityStore.loginFailures}. */
export interface LoginFailures {
  /** Failures of this username from this client since the pair was last quiet for `resetAfterMs`; 0 if none. */
  readonly pairCount: number;
  /** Epoch ms of the pair's last failure; 0 if none. */
  readonly pairLastAt: number;
  /** Epoch ms of this client's failures (any username) after `now - windowMs`, oldest first. */
  readonly ipTimes: readonly number[];
}

/** How long failed logins count: a pair until it is quiet for `resetAfterMs`, a client's failure for `windowMs`. */
export interface LoginFailureWindows {
  readonly resetAfterMs: number;
  readonly windowMs: number;
}

/**
 * Where the users and groups that admins change through `/v2/identity/*` are kept (issue 7),
 * beside the ProcessStore, not in it: identity is not process state. The identity file
 * stays the seed; a node's directory is the file overlaid by {@link IdentityChanges}
 * (see {@link overlayIdentity}). API keys are not here: they stay in the file.
 *
 * Contract, for every adapter (checked by `identityStoreContract`):
 * - Each write replaces the whole record of its id (a put) or leaves a tombstone (a
 *   delete, also of an id never stored), and returns the store's new revision: one more
 *   than before, across all ids and all nodes sharing the store. Record and revision
 *   change together or not at all.
 * - `load()` returns every record and tombstone with the revision they make up, read at
 *   one moment (never a record newer than the revision it reports).
 * - `revision()` reads the revision alone (one round trip): a node compares it with what it
 *   loaded last to know whether to load again.
 * - Password hashes are stored as given (scrypt hashes; never a plain password).
 * - Sessions (issue 12, finding 3): a logout stores a revocation of its session id that
 *   lives at least as long as the session could; a deletion, or a put with `endSessions`,
 *   adds one to the user's session generation in the same atomic write as the record (and
 *   the revision). `sessionStanding` reads the revision, the generation and the revocation
 *   at one moment, so a node that checks it on each request refuses a session ended on any
 *   node as soon as the ending write has answered. None of these writes needs a clock.
 * - Failed logins (issue 12, finding 6b) are counted per (client IP, username) pair and per
 *   IP, shared by every node, and forgotten by themselves (`LoginFailureWindows`); the
 *   throttle's rules live in the engine (`createLoginThrottle`), the store only counts.
 * - Failures of the backing server throw `STORE_UNAVAILABLE`; nothing is half-written.
 */
export interface IdentityStore {
  load(): Promise<IdentityChanges>;
  revision(): Promise<number>;
  putUser(user: UserRecord, options?: PutUserOptions): Promise<number>;
  /** Also ends the user's sessions: their generation goes up in the same write. */
  deleteUser(username: string): Promise<number>;
  putGroup(group: GroupRecord): Promise<number>;
  deleteGroup(groupId: string): Promise<number>;
  /** The session's standing and the revision, read together (one round trip). */
  sessionStanding(sessionId: string, username: string): Promise<SessionStanding>;
  /** Ends one session on every node: `sessionStanding` reports it revoked for at least `ttlMs` (its remaining lifetime). */
  revokeSession(sessionId: string, ttlMs: number): Promise<void>;
  /** The failed logins of the (client IP, username) pair and of the IP that still count at `now` (one round trip). */
  loginFailures(ip: string, username: string, now: number, windows: LoginFailureWindows): Promise<LoginFailures>;
  /** Counts a failed login at `at` against the pair and the IP, for every node; forgotten as `windows` says. */
  recordLoginFailure(ip: string, username: string, at: number, windows: LoginFailureWindows): Promise<void>;
  /** Forgets the pair's failures (a successful login), not the IP's. */
  clearLoginFailures(ip: string, username: string): Promise<void>;
  /** Releases connections; idempotent. */
  close(): Promise<void>;
}

/** Whether a stored entry is a deletion. */
export function isTombstone(entry: object): entry is IdentityTombstone {
  return (entry as Partial<IdentityTombstone>).deleted === true;
}

function overlay<T>(seed: readonly T[], idOf: (item: T) => string, changes: ReadonlyMap<string, T | IdentityTombstone>): T[] {
  const merged = new Map(seed.map((item) => [idOf(item), item]));
  for (const [id, entry] of changes) {
    if (isTombstone(entry as object)) merged.delete(id);
    else merged.set(id, entry as T);
  }
  return [...merged.values()];
}

/** The directory's data: the seed's users and groups replaced by stored puts and removed by tombstones; API keys from the seed. */
export function overlayIdentity(seed: IdentityData, changes: IdentityChanges): IdentityData {
  return {
    users: overlay(seed.users, (u) => u.username, changes.users),
    groups: overlay(seed.groups, (g) => g.groupId, changes.groups),
    apiKeys: seed.apiKeys,
  };
}
