import { Option, type Command } from 'commander';
import { isBatonError } from '@baton/errors';
import { createPool, defaultSchema, migrate, migrations, migrationStatus } from '@baton/postgres';
import type pg from 'pg';
import { exitCodes, type CommandContext } from '../io.js';

interface DbFlags {
  readonly store?: string;
  readonly schema: string;
}

const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//.test(value);

/** Runs `work` on a pool for `flags.store`; a missing or non-Postgres URL, or a failure, is reported and exits 1. */
async function onDatabase(ctx: CommandContext, verb: string, flags: DbFlags, work: (pool: pg.Pool) => Promise<number>): Promise<void> {
  const store = flags.store ?? '';
  if (!isPostgresUrl(store)) {
    ctx.io.stderr(`baton db ${verb}: --store (or BATON_STORE) must be a postgres://… URL, got "${store}"\n`);
    ctx.exitCode = exitCodes.failed;
    return;
  }
  const pool = createPool({ url: store, schema: flags.schema, poolSize: 1 });
  try {
    ctx.exitCode = await work(pool);
  } catch (error) {
    const message = isBatonError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    ctx.io.stderr(`baton db ${verb}: ${message}\n`);
    ctx.exitCode = exitCodes.failed;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

const nameOf = (version: number): string => `${version} (${migrations().find((m) => m.version === version)?.name ?? 'unknown'})`;
const listed = (versions: readonly number[]): string => (versions.length === 0 ? 'none' : versions.map(nameOf).join(', '));

/**
 * `baton db migrate` and `baton db status` (issue 15): for operators who migrate the
 * Postgres schema separately from starting nodes (nodes also migrate on start, under
 * the same lock, so both ways are safe at once).
 */
export function registerDb(program: Command, ctx: CommandContext): void {
  const db = program.command('db').summary('migrate or inspect the Postgres schema').description('Schema migrations of a Postgres store (--store postgres://…).');
  const withFlags = (command: Command): Command =>
    command
      .addOption(new Option('--store <url>', 'the Postgres store, postgres://user:password@host:port/db').env('BATON_STORE'))
      .addOption(new Option('--schema <name>', 'the schema holding Baton\'s tables').default(defaultSchema));
  withFlags(db.command('migrate'))
    .summary('apply the migrations this build has and the database lacks')
    .addHelpText('after', '\nExample:\n  $ baton db migrate --store postgres://baton@db:5432/baton\n')
    .action(async (flags: DbFlags) => {
      await onDatabase(ctx, 'migrate', flags, async (pool) => {
        const applied = await migrate(pool, flags.schema);
        const { applied: all } = await migrationStatus(pool, flags.schema);
        ctx.io.stdout(applied.length === 0 ? `schema ${flags.schema} is up to date at version ${all.at(-1) ?? 0}\n` : `schema ${flags.schema}: applied ${listed(applied)}\n`);
        return exitCodes.ok;
      });
    });
  withFlags(db.command('status'))
    .summary('list applied and pending migrations; exits 1 while some are pending')
    .action(async (flags: DbFlags) => {
      await onDatabase(ctx, 'status', flags, async (pool) => {
        const status = await migrationStatus(pool, flags.schema);
        ctx.io.stdout(`schema ${status.schema}\napplied: ${listed(status.applied)}\npending: ${listed(status.pending)}\n`);
        return status.pending.length === 0 ? exitCodes.ok : exitCodes.failed;
      });
    });
}
