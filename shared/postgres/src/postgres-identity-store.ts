import type pg from 'pg';
import { guarded, type PostgresConnectionOptions } from './connection.js';
import { connectMigrated } from './migrate.js';

/** A record as stored: the engine's, or a deletion (`{"deleted":true}`) that also hides the identity file's record of that id. */
type Stored<T> = T | { readonly deleted: true };

/** The engine's `LoginFailureWindows` (this package does not import the engine). */
type Windows = Readonly<Record<'resetAfterMs' | 'windowMs', number>>;

const tombstone = JSON.stringify({ deleted: true });

/** Tables and key column of the two kinds of record. */
const tables = { users: ['identity_users', 'username'], groups: ['identity_groups', 'group_id'] } as const;

/**
 * The engine's IdentityStore port on Postgres (tables in 0002-identity.sql), shared by
 * every node on the schema. Each write is one statement: the record's upsert, the
 * revision's increment and, when it ends the user's sessions, their generation's
 * increment, so record and revision change together or not at all. `load()` and
 * `sessionStanding()` are one statement each, so they read one snapshot. Revocations
 * expire by the database's clock; failed logins by the caller's `now`.
 */
export class PostgresIdentityStore<U extends { readonly username: string }, G extends { readonly groupId: string }> {
  private closing: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool) {}

  /** Every record and tombstone, and the revision they make up. */
  load(): Promise<{ readonly revision: number; readonly users: ReadonlyMap<string, Stored<U>>; readonly groups: ReadonlyMap<string, Stored<G>> }> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ revision: number; users: [string, Stored<U>][]; groups: [string, Stored<G>][] }>(
        `SELECT (SELECT revision::integer FROM identity_revision) AS revision,
                (SELECT coalesce(json_agg(json_build_array(username, record)), '[]') FROM identity_users) AS users,
                (SELECT coalesce(json_agg(json_build_array(group_id, record)), '[]') FROM identity_groups) AS groups`,
      );
      const row = rows[0];
      return { revision: row?.revision ?? 0, users: new Map(row?.users ?? []), groups: new Map(row?.groups ?? []) };
    });
  }

  revision(): Promise<number> {
    return this.guard(async () => (await this.pool.query<{ revision: number }>('SELECT revision::integer AS revision FROM identity_revision')).rows[0]?.revision ?? 0);
  }

  /** With `endSessions`, the user's session generation goes up in the same statement. */
  putUser(user: U, options: { readonly endSessions?: boolean } = {}): Promise<number> {
    return this.write('users', user.username, JSON.stringify(user), options.endSessions === true ? user.username : undefined);
  }

  /** Also ends the user's sessions: their generation goes up in the same statement. */
  deleteUser(username: string): Promise<number> {
    return this.write('users', username, tombstone, username);
  }

  putGroup(group: G): Promise<number> {
    return this.write('groups', group.groupId, JSON.stringify(group));
  }

  deleteGroup(groupId: string): Promise<number> {
    return this.write('groups', groupId, tombstone);
  }

  sessionStanding(sessionId: string, username: string): Promise<{ revision: number; generation: number; isRevoked: boolean }> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ revision: number; generation: number; is_revoked: boolean }>(
        `SELECT (SELECT revision::integer FROM identity_revision) AS revision,
                coalesce((SELECT generation FROM identity_session_generations WHERE username = $2), 0) AS generation,
                EXISTS (SELECT 1 FROM identity_revoked_sessions WHERE session_id = $1 AND expires_at > clock_timestamp()) AS is_revoked`,
        [sessionId, username],
      );
      const row = rows[0];
      return { revision: row?.revision ?? 0, generation: row?.generation ?? 0, isRevoked: row?.is_revoked ?? false };
    });
  }

  /** Kept for `ttlMs` by the database's clock (at least 1 ms); expired revocations are dropped on the way. */
  revokeSession(sessionId: string, ttlMs: number): Promise<void> {
    return this.guard(async () => {
      await this.pool.query(
        `WITH gone AS (DELETE FROM identity_revoked_sessions WHERE expires_at <= clock_timestamp())
         INSERT INTO identity_revoked_sessions (session_id, expires_at) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
         ON CONFLICT (session_id) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
        [sessionId, Math.max(1, Math.ceil(ttlMs))],
      );
    });
  }

  /** The engine's `LoginFailures`: the pair's count and last failure while it counts, the IP's failure times in the window. */
  loginFailures(ip: string, username: string, now: number, windows: Windows): Promise<{ pairCount: number; pairLastAt: number; ipTimes: number[] }> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ count: number | null; last_at: string | null; times: number[] }>(
        `SELECT p.count, p.last_at, (SELECT coalesce(json_agg(at ORDER BY at), '[]') FROM identity_login_failures WHERE ip = $1 AND at > $3) AS times
         FROM (SELECT 1) one LEFT JOIN identity_login_pairs p ON p.ip = $1 AND p.username = $2`,
        [ip, username, now - windows.windowMs],
      );
      const row = rows[0];
      const lastAt = row?.last_at === null || row?.last_at === undefined ? undefined : Number(row.last_at);
      const isCounting = lastAt !== undefined && now - lastAt < windows.resetAfterMs;
      return { pairCount: isCounting ? (row?.count ?? 0) : 0, pairLastAt: isCounting ? lastAt : 0, ipTimes: row?.times ?? [] };
    });
  }

  /** One statement: the pair's count (restarted after a quiet `resetAfterMs`), the IP's failure, and the IP's failures past the window dropped. */
  recordLoginFailure(ip: string, username: string, at: number, windows: Windows): Promise<void> {
    return this.guard(async () => {
      await this.pool.query(
        `WITH pair AS (
           INSERT INTO identity_login_pairs AS p (ip, username, count, last_at) VALUES ($1, $2, 1, $3)
           ON CONFLICT (ip, username) DO UPDATE SET count = CASE WHEN $3 - p.last_at < $4 THEN p.count + 1 ELSE 1 END, last_at = $3),
         old AS (DELETE FROM identity_login_failures WHERE ip = $1 AND at <= $3 - $5)
         INSERT INTO identity_login_failures (ip, at) VALUES ($1, $3)`,
        [ip, username, at, windows.resetAfterMs, windows.windowMs],
      );
    });
  }

  clearLoginFailures(ip: string, username: string): Promise<void> {
    return this.guard(async () => {
      await this.pool.query('DELETE FROM identity_login_pairs WHERE ip = $1 AND username = $2', [ip, username]);
    });
  }

  close(): Promise<void> {
    this.closing ??= this.pool.end().catch(() => undefined);
    return this.closing;
  }

  /** `endSessionsOf`: the username whose session generation goes up in the same statement. */
  private write(kind: keyof typeof tables, id: string, json: string, endSessionsOf?: string): Promise<number> {
    const [table, key] = tables[kind];
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ revision: number }>(
        `WITH rev AS (UPDATE identity_revision SET revision = revision + 1 RETURNING revision::integer),
              rec AS (INSERT INTO ${table} (${key}, record) VALUES ($1, $2) ON CONFLICT (${key}) DO UPDATE SET record = EXCLUDED.record),
              gen AS (INSERT INTO identity_session_generations AS g (username, generation) SELECT $3::text, 1 WHERE $3::text IS NOT NULL
                      ON CONFLICT (username) DO UPDATE SET generation = g.generation + 1)
         SELECT revision FROM rev`,
        [id, json, endSessionsOf ?? null],
      );
      return rows[0]?.revision ?? 0;
    });
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guarded(this.closing !== undefined, 'Postgres identity store', work);
  }
}

/** Connects, migrates the schema (under the migration lock) and returns the store. Throws STORE_UNAVAILABLE when Postgres does not answer. */
export async function createPostgresIdentityStore<U extends { readonly username: string }, G extends { readonly groupId: string }>(
  options: PostgresConnectionOptions,
): Promise<PostgresIdentityStore<U, G>> {
  return new PostgresIdentityStore<U, G>(await connectMigrated({ poolSize: 2, ...options }));
}
