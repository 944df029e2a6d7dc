import { BatonError, isBatonError } from '@baton/errors';
import pg from 'pg';

/** How an adapter reaches Postgres; shared by the store and the job queue. */
export interface PostgresConnectionOptions {
  /** `postgres://user:password@host:port/db[?sslmode=require]`. */
  readonly url: string;
  /** Schema holding every table; default `baton`. Nodes of one cluster share it. */
  readonly schema?: string;
  /** Connections in the adapter's pool; default the URL's `pool_size`, else 10. */
  readonly poolSize?: number;
  /** Longest a statement may run before Postgres cancels it; default the URL's `statement_timeout`, else 5 000 ms. */
  readonly statementTimeoutMs?: number;
}

/** Default of {@link PostgresConnectionOptions.schema}. */
export const defaultSchema = 'baton';

const connectTimeoutMs = 5_000;

/** A schema name Postgres takes unquoted: lower-case letters, digits and `_`. */
export function checkSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new BatonError('VALIDATION_FAILED', `Expected a Postgres schema name of lower-case letters, digits and "_", but found "${schema}".`, {
      field: 'schema',
      value: schema,
    });
  }
  return schema;
}

/** The URL's parameter `name` when it is there: a positive whole number (`unit` in the message), else VALIDATION_FAILED naming it. */
function positiveParam(url: string, name: string, unit: string): number | undefined {
  let value: string | null;
  try {
    value = new URL(url).searchParams.get(name);
  } catch {
    return undefined;
  }
  if (value === null) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new BatonError('VALIDATION_FAILED', `Expected ${name} in the Postgres URL to be a positive whole number${unit}, but found "${value}".`, { field: name, value });
  }
  return n;
}

/** The URL's `pool_size` (`postgres://…/db?pool_size=20`), when it is a positive whole number; pg ignores the parameter. */
export function poolSizeOf(url: string): number | undefined {
  return positiveParam(url, 'pool_size', '');
}

/**
 * The URL's `statement_timeout` (ms) when it names one; a positive whole number. The
 * connection string handed to pg drops it, so that {@link PostgresConnectionOptions.statementTimeoutMs} can win.
 */
export function statementTimeoutOf(url: string): number | undefined {
  return positiveParam(url, 'statement_timeout', ' of milliseconds');
}

/** `url` without the parameters Baton reads itself (`pool_size`, `statement_timeout`). */
function driverUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.searchParams.has('pool_size') && !parsed.searchParams.has('statement_timeout')) return url;
    parsed.searchParams.delete('pool_size');
    parsed.searchParams.delete('statement_timeout');
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * A pool whose connections use `schema` (search_path) and a statement timeout, so a
 * query on a paused or overloaded server fails instead of hanging. Connect errors
 * surface through queries; an idle connection's error is swallowed (the pool drops it).
 */
export function createPool(options: PostgresConnectionOptions): pg.Pool {
  const schema = checkSchema(options.schema ?? defaultSchema);
  const pool = new pg.Pool({
    connectionString: driverUrl(options.url),
    max: options.poolSize ?? poolSizeOf(options.url) ?? 10,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: options.statementTimeoutMs ?? statementTimeoutOf(options.url) ?? 5_000,
    options: `-c search_path=${schema}`,
    application_name: 'baton',
  });
  pool.on('error', () => undefined);
  return pool;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/** Wraps a driver error as STORE_UNAVAILABLE; BatonErrors pass through. */
export function unavailable(error: unknown, url?: string): BatonError {
  if (isBatonError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BatonError(
    'STORE_UNAVAILABLE',
    `Postgres${url === undefined ? '' : ` at ${redactUrl(url)}`} failed (${reason}); check that it runs, is reachable and writable, then retry.`,
    {},
    { cause: error },
  );
}

/** `work`, or STORE_UNAVAILABLE once `timeoutMs` passed without its answer (a pool waiting for a connection counts too). */
export async function withinMs<T>(timeoutMs: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new BatonError('STORE_UNAVAILABLE', `Postgres did not answer ${what} within ${timeoutMs} ms; it may be down, overloaded or unreachable.`, { timeoutMs })), timeoutMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * SQLSTATE 57P01 (admin_shutdown): the server ended this pooled connection's backend
 * (pg_terminate_backend, a fast shutdown) before or while it ran the statement, which
 * it then did not commit; the pool may not have noticed the idle connection's end yet.
 */
const isBackendTerminated = (error: unknown): boolean => (error as { code?: unknown } | undefined)?.code === '57P01';

/**
 * Runs one adapter call: refused once `what` is closed; driver errors wrapped by
 * {@link unavailable}. A call whose connection the server had terminated is run once more
 * on a fresh one: nothing of it was written (57P01 aborts the statement's transaction).
 */
export async function guarded<T>(isClosed: boolean, what: string, work: () => Promise<T>): Promise<T> {
  if (isClosed) throw new BatonError('STORE_UNAVAILABLE', `The ${what} is closed; create a new one.`);
  try {
    return await work();
  } catch (error) {
    if (!isBackendTerminated(error)) throw unavailable(error);
  }
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}

/**
 * A pooled connection with BEGIN sent. A connection the server closed while it sat in
 * the pool (a restart, pg_terminate_backend) fails at BEGIN, before anything is
 * written: it is dropped and a fresh one tried, once.
 */
async function begin(pool: pg.Pool): Promise<{ client: pg.PoolClient; release: (isBroken: boolean) => void }> {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    let isBroken = false;
    // A checked-out client with no 'error' listener would crash the process when its socket fails between queries.
    const onError = (): void => {
      isBroken = true;
    };
    client.on('error', onError);
    const release = (hasFailed: boolean): void => {
      client.off('error', onError);
      // true destroys the connection instead of returning it to the pool.
      client.release(isBroken || hasFailed);
    };
    try {
      await client.query('BEGIN');
      return { client, release };
    } catch (error) {
      release(true);
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves,
 * ROLLBACK when it throws. `work` must only issue queries (no other awaits), so no
 * transaction stays open across a network call to anything but this database.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const { client, release } = await begin(pool);
  let hasFailed = false;
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      hasFailed = true;
    });
    throw error;
  } finally {
    release(hasFailed);
  }
}

/** SQLSTATEs of a transaction that lost a race to a peer's: retrying it may succeed. */
export function isRaceLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === '40001' || code === '40P01' || code === '23505';
}
