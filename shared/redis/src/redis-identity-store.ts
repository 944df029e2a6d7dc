import { randomUUID } from 'node:crypto';
import { BatonError } from '@baton/errors';
import { checkRedisServer, connectRedis, emitWarning, guarded, namespacePrefix, type RedisClient, unavailable } from './connection.js';

/** A deletion kept in the store: it also hides a record of the same id that the identity file holds. */
export interface IdentityTombstone {
  readonly deleted: true;
}

/** What {@link RedisIdentityStore.load} returns: every record and tombstone, and their revision. */
export interface StoredIdentity<U, G> {
  readonly revision: number;
  readonly users: ReadonlyMap<string, U | IdentityTombstone>;
  readonly groups: ReadonlyMap<string, G | IdentityTombstone>;
}

/** What {@link RedisIdentityStore.sessionStanding} returns: read in one MULTI. */
export interface StoredSessionStanding {
  readonly revision: number;
  readonly generation: number;
  readonly isRevoked: boolean;
}

/** The engine's `LoginFailureWindows` (this package does not import the engine): how long failures count. */
type Windows = Readonly<Record<'resetAfterMs' | 'windowMs', number>>;

export interface RedisIdentityStoreOptions {
  /** `redis://[user:password@]host:port[/db]`. */
  readonly url: string;
  /** Namespace of every key, the process store's; default `baton`. Nodes of one cluster share it. */
  readonly prefix?: string;
  /** Told about risky server settings (AOF off); default a Node process warning. */
  readonly onWarning?: (message: string) => void;
}

const tombstone = JSON.stringify({ deleted: true } satisfies IdentityTombstone);

/** A MULTI's replies, or the first command error in them thrown. */
function repliesOf(results: [Error | null, unknown][] | null): unknown[] {
  if (results === null) throw new BatonError('STORE_UNAVAILABLE', 'Redis aborted the identity transaction; retry.');
  return results.map(([error, reply]) => {
    if (error !== null) throw error;
    return reply;
  });
}

function parsed<T>(hash: unknown): Map<string, T | IdentityTombstone> {
  return new Map(Object.entries((hash ?? {}) as Record<string, string>).map(([id, json]) => [id, JSON.parse(json) as T | IdentityTombstone]));
}

/**
 * The engine's IdentityStore port (users and groups that admins change, issue 7) on Redis,
 * shared by every node of a cluster. Keys, under the store's prefix `P`:
 * `P:identity:users` and `P:identity:groups` (HASH: id → record JSON, or
 * `{"deleted":true}` for a deletion) and `P:identity:rev` (STRING, the revision). Each
 * write is one MULTI: HSET of the record and INCR of the revision, so the revision a
 * write returns is exactly the one its change carries. `load()` reads both hashes and the
 * revision in one MULTI. Sessions (issue 12): `P:identity:session-gen` (HASH: username →
 * generation, HINCRBY'd in the MULTI of a deletion or a put that ends the user's sessions)
 * and `P:identity:session-revoked:<sessionId>` (a STRING set with PX by a logout, so Redis's
 * clock forgets it once the session has expired anyway). Failed logins (issue 12):
 * `P:identity:login-fail:<["ip","username"]>` (HASH count, lastAt; PEXPIRE resetAfterMs
 * from each failure) and `P:identity:login-fail-ip:<ip>` (ZSET of failure times, trimmed to
 * and expiring with the window), each failure one MULTI. The record types are the engine's (`UserRecord`, `GroupRecord`):
 * this package stores their JSON as given. Redis errors surface as STORE_UNAVAILABLE.
 */
export class RedisIdentityStore<U extends { readonly username: string }, G extends { readonly groupId: string }> {
  private readonly keys: {
    readonly users: string;
    readonly groups: string;
    readonly revision: string;
    readonly generations: string;
    readonly revoked: string;
    readonly loginPair: string;
    readonly loginIp: string;
  };
  private closing: Promise<void> | undefined;

  constructor(
    private readonly client: RedisClient,
    prefix: string,
  ) {
    // The prefix convention of StoreKeys: `<prefix>:<part>:<part>`.
    this.keys = {
      users: `${prefix}:identity:users`,
      groups: `${prefix}:identity:groups`,
      revision: `${prefix}:identity:rev`,
      generations: `${prefix}:identity:session-gen`,
      revoked: `${prefix}:identity:session-revoked:`,
      loginPair: `${prefix}:identity:login-fail:`,
      loginIp: `${prefix}:identity:login-fail-ip:`,
    };
  }

  load(): Promise<StoredIdentity<U, G>> {
    return this.guard(async () => {
      const [users, groups, revision] = repliesOf(await this.client.multi().hgetall(this.keys.users).hgetall(this.keys.groups).get(this.keys.revision).exec());
      return { revision: Number(revision ?? 0), users: parsed<U>(users), groups: parsed<G>(groups) };
    });
  }

  revision(): Promise<number> {
    return this.guard(async () => Number((await this.client.get(this.keys.revision)) ?? 0));
  }

  /** With `endSessions`, the user's session generation goes up in the same MULTI. */
  putUser(user: U, options: { readonly endSessions?: boolean } = {}): Promise<number> {
    return this.write(this.keys.users, user.username, JSON.stringify(user), options.endSessions === true ? user.username : undefined);
  }

  /** Also ends the user's sessions: their generation goes up in the same MULTI. */
  deleteUser(username: string): Promise<number> {
    return this.write(this.keys.users, username, tombstone, username);
  }

  putGroup(group: G): Promise<number> {
    return this.write(this.keys.groups, group.groupId, JSON.stringify(group));
  }

  deleteGroup(groupId: string): Promise<number> {
    return this.write(this.keys.groups, groupId, tombstone);
  }

  sessionStanding(sessionId: string, username: string): Promise<StoredSessionStanding> {
    return this.guard(async () => {
      const replies = await this.client.multi().get(this.keys.revision).hget(this.keys.generations, username).exists(`${this.keys.revoked}${sessionId}`).exec();
      const [revision, generation, revoked] = repliesOf(replies);
      return { revision: Number(revision ?? 0), generation: Number(generation ?? 0), isRevoked: revoked === 1 };
    });
  }

  /** Kept for `ttlMs` by Redis's clock (at least 1 ms). */
  revokeSession(sessionId: string, ttlMs: number): Promise<void> {
    return this.guard(async () => {
      await this.client.set(`${this.keys.revoked}${sessionId}`, '1', 'PX', Math.max(1, Math.ceil(ttlMs)));
    });
  }

  /** The engine's `LoginFailures`: the pair's count and last failure, the IP's failure times in the window. */
  loginFailures(ip: string, username: string, now: number, windows: Windows): Promise<{ pairCount: number; pairLastAt: number; ipTimes: number[] }> {
    return this.guard(async () => {
      const multi = this.client.multi().hmget(this.pairKey(ip, username), 'count', 'lastAt');
      multi.zrangebyscore(`${this.keys.loginIp}${ip}`, `(${now - windows.windowMs}`, '+inf', 'WITHSCORES');
      const [pair, times] = repliesOf(await multi.exec()) as [(string | null)[], string[]];
      const [count, lastAt] = pair;
      // The pair's key expires resetAfterMs after its last failure by Redis's clock; the check by `now` keeps the two clocks' rules alike.
      const isCounting = count != null && lastAt != null && now - Number(lastAt) < windows.resetAfterMs;
      return { pairCount: isCounting ? Number(count) : 0, pairLastAt: isCounting ? Number(lastAt) : 0, ipTimes: times.filter((_, i) => i % 2 === 1).map(Number) };
    });
  }

  recordLoginFailure(ip: string, username: string, at: number, windows: Windows): Promise<void> {
    return this.guard(async () => {
      const pair = this.pairKey(ip, username);
      const ipKey = `${this.keys.loginIp}${ip}`;
      const multi = this.client.multi().hincrby(pair, 'count', 1).hset(pair, 'lastAt', at).pexpire(pair, Math.max(1, windows.resetAfterMs));
      multi.zadd(ipKey, at, `${at}:${randomUUID()}`).zremrangebyscore(ipKey, '-inf', at - windows.windowMs).pexpire(ipKey, Math.max(1, windows.windowMs));
      repliesOf(await multi.exec());
    });
  }

  clearLoginFailures(ip: string, username: string): Promise<void> {
    return this.guard(async () => {
      await this.client.del(this.pairKey(ip, username));
    });
  }

  close(): Promise<void> {
    this.closing ??= this.client.quit().then(
      () => undefined,
      () => this.client.disconnect(),
    );
    return this.closing;
  }

  /** `endSessionsOf`: the username whose session generation goes up in the same MULTI. */
  private write(hash: string, id: string, json: string, endSessionsOf?: string): Promise<number> {
    return this.guard(async () => {
      const multi = this.client.multi().hset(hash, id, json).incr(this.keys.revision);
      if (endSessionsOf !== undefined) multi.hincrby(this.keys.generations, endSessionsOf, 1);
      const [, revision] = repliesOf(await multi.exec());
      return Number(revision);
    });
  }

  /** JSON keeps the pair unambiguous whatever characters the IP and username hold. */
  private pairKey(ip: string, username: string): string {
    return `${this.keys.loginPair}${JSON.stringify([ip, username])}`;
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guarded(this.closing !== undefined, 'Redis identity store', work);
  }
}

/**
 * Connects, checks the server (refuses an evicting Redis, warns without AOF; see
 * `checkRedisServer`) and returns the store. Throws STORE_UNAVAILABLE otherwise.
 */
export async function createRedisIdentityStore<U extends { readonly username: string }, G extends { readonly groupId: string }>(
  options: RedisIdentityStoreOptions,
): Promise<RedisIdentityStore<U, G>> {
  const client = await connectRedis(options.url, 'producer', 'baton-identity');
  try {
    await checkRedisServer(client, options.onWarning ?? emitWarning);
  } catch (error) {
    client.disconnect();
    throw unavailable(error, options.url);
  }
  return new RedisIdentityStore<U, G>(client, namespacePrefix(options.url, options.prefix ?? 'baton'));
}
