import { subjectToken, type BusSubscription, type MessageBus } from '@baton/runtime';
import { createIdentityDirectory, type IdentityDirectory } from './directory.js';
import type { GroupRecord, IdentityData, UserRecord } from './identity.js';
import { overlayIdentity, type IdentityStore, type PutUserOptions } from './identity-store.js';

/** How long a node trusts its directory before a request makes it compare the store's revision. */
export const defaultIdentityCheckIntervalMs = 30_000;

/** The bus subject on which a node says it changed the identity: `baton.<cluster>.identity.changed`, data `{ revision }`. */
export function identityChangedSubject(cluster = 'default'): string {
  return `baton.${subjectToken(cluster)}.identity.changed`;
}

export interface SyncedIdentityOptions {
  /** The identity file's users, groups and API keys (empty without a file). */
  readonly seed: IdentityData;
  readonly store: IdentityStore;
  /** Says this node's writes to the cluster and hears the others'; without it only the backstop check sees them. */
  readonly bus?: MessageBus;
  /** Bus subjects are `baton.<cluster>.…`. Default `default`. */
  readonly cluster?: string;
  readonly now: () => number;
  /** Default {@link defaultIdentityCheckIntervalMs}. */
  readonly checkIntervalMs?: number;
  /** A failed background reload or publish: logged, the node keeps serving its last directory. */
  readonly onError: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
}

/**
 * The directory a node authenticates against: the identity file overlaid by the
 * {@link IdentityStore}'s changes, held in memory so API keys are checked without a store
 * read. It follows the store four ways: a write through this node applies at once (the
 * admin's next request here sees it); a session request or login reads the revision with
 * the session's standing and loads first when behind (`sessionStanding`, issue 12); a
 * `{ revision }` on {@link identityChangedSubject} newer than the directory's makes it
 * reload; and a request more than `checkIntervalMs` after the last check compares the
 * store's revision (one read, in the background) so a missed bus message heals.
 */
export interface SyncedIdentity {
  /** The directory as last loaded. */
  directory(): IdentityDirectory;
  /** The store revision the directory shows. */
  revision(): number;
  /**
   * Call on each request: when the last check is older than the interval, starts a
   * background revision check and returns it (it never rejects: errors go to `onError`);
   * otherwise undefined. The request goes on with the directory it has.
   */
  checkIfStale(): Promise<void> | undefined;
  /** Reloads unless the directory already shows `revision`. */
  catchUp(revision: number): Promise<void>;
  /**
   * Reads the session's standing in the store (one round trip) and, when the store is
   * ahead of the directory, loads it before answering: after this, `directory()` shows
   * every write that had answered before the call, on whichever node (issue 12). Throws
   * what the store throws (STORE_UNAVAILABLE).
   */
  sessionStanding(sessionId: string, username: string): Promise<{ readonly generation: number; readonly isRevoked: boolean }>;
  /** Ends one session on every node (a logout); see `IdentityStore.revokeSession`. */
  revokeSession(sessionId: string, ttlMs: number): Promise<void>;
  /** Writes through the store, applies the change here, tells the other nodes; returns the new revision. */
  putUser(user: UserRecord, options?: PutUserOptions): Promise<number>;
  deleteUser(username: string): Promise<number>;
  putGroup(group: GroupRecord): Promise<number>;
  deleteGroup(groupId: string): Promise<number>;
  /** Stops listening on the bus; the store belongs to the caller. */
  close(): Promise<void>;
}

const revisionOf = (data: unknown): number | undefined => {
  const revision = (data as { revision?: unknown } | null)?.revision;
  return typeof revision === 'number' && Number.isInteger(revision) ? revision : undefined;
};

/** Loads the store once and starts following it; throws what the store throws (STORE_UNAVAILABLE). */
export async function startSyncedIdentity(options: SyncedIdentityOptions): Promise<SyncedIdentity> {
  const { seed, store, now, onError } = options;
  const checkIntervalMs = options.checkIntervalMs ?? defaultIdentityCheckIntervalMs;
  const subject = identityChangedSubject(options.cluster);
  let current = { revision: -1, directory: createIdentityDirectory(seed) };
  let checkedAt = now();
  let loading: Promise<void> | undefined;
  let checking: Promise<void> | undefined;

  /** `isReset`: the store's revision is below the directory's (the store was emptied): take what it holds. */
  const loadNow = (isReset = false): Promise<void> =>
    (loading ??= (async () => {
      try {
        const changes = await store.load();
        checkedAt = now();
        // Loads may finish out of order with writes of this node: never go back, unless the store did.
        if (isReset || changes.revision > current.revision) current = { revision: changes.revision, directory: createIdentityDirectory(overlayIdentity(seed, changes)) };
      } finally {
        loading = undefined;
      }
    })());

  const catchUp = async (revision: number): Promise<void> => {
    if (current.revision >= revision) return;
    // A load in flight may have read the store before `revision` was written: wait, then load again if still behind.
    if (loading !== undefined) await loading.catch(() => undefined);
    if (current.revision >= revision) return;
    await loadNow();
  };

  const written = async (write: Promise<number>): Promise<number> => {
    const revision = await write;
    // The write is stored: a failed reload must not report it failed; the backstop check loads it later.
    await catchUp(revision).catch((error: unknown) => onError(error, { revision }));
    options.bus?.publish(subject, { revision }).catch((error: unknown) => onError(error, { subject, revision }));
    return revision;
  };

  await loadNow();
  const subscription: BusSubscription | undefined = await options.bus?.subscribe(subject, async (message) => {
    const revision = revisionOf(message.data);
    if (revision !== undefined) await catchUp(revision).catch((error: unknown) => onError(error, { subject, revision }));
  });

  return {
    directory: () => current.directory,
    revision: () => current.revision,
    checkIfStale() {
      if (checking !== undefined || now() - checkedAt < checkIntervalMs) return undefined;
      checkedAt = now();
      checking = store
        .revision()
        .then((revision) => (revision < current.revision ? loadNow(true) : catchUp(revision)))
        .catch((error: unknown) => onError(error, { check: 'identity revision' }))
        .finally(() => (checking = undefined));
      return checking;
    },
    catchUp,
    async sessionStanding(sessionId, username) {
      const { revision, generation, isRevoked } = await store.sessionStanding(sessionId, username);
      await catchUp(revision);
      return { generation, isRevoked };
    },
    revokeSession: (sessionId, ttlMs) => store.revokeSession(sessionId, ttlMs),
    putUser: (user, putOptions) => written(store.putUser(user, putOptions)),
    deleteUser: (username) => written(store.deleteUser(username)),
    putGroup: (group) => written(store.putGroup(group)),
    deleteGroup: (groupId) => written(store.deleteGroup(groupId)),
    async close() {
      await subscription?.unsubscribe();
    },
  };
}
