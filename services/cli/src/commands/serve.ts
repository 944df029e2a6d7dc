import { Option, type Command } from 'commander';
import { defaultExpressionLimits, type ExpressionLimits } from '@baton/core';
import { authConfigFromFlags, startNode, type StartNodeOptions } from '@baton/engine';
import { isBatonError } from '@baton/errors';
import { exitCodes, type CommandContext } from '../io.js';

interface ServeFlags {
  readonly port: string;
  readonly host: string;
  readonly store: string;
  readonly storeApiKey?: string;
  readonly storeToken?: string;
  readonly queue?: string;
  readonly bus: string;
  readonly history?: string;
  readonly identityStore?: string;
  readonly capabilities?: string;
  readonly handlers?: string;
  readonly deploy?: string;
  readonly nodeId?: string;
  readonly cluster?: string;
  readonly handOffTimeoutMs?: string;
  readonly handOffRetryMs?: string;
  readonly jobLeaseMs?: string;
  readonly eagerDispatch?: boolean;
  readonly endedRetentionMs?: string;
  readonly shutdownGraceMs?: string;
  readonly pgPoolSize?: string;
  readonly pgStatementTimeoutMs?: string;
  readonly outboxSweepMs?: string;
  readonly maxClockSkewMs?: string;
  readonly bodyLimit?: string;
  readonly variablesMaxDepth?: string;
  readonly variablesMaxBytes?: string;
  readonly variablesMaxEntries?: string;
  readonly expressionMaxSteps?: string;
  readonly expressionMaxResultSize?: string;
  readonly expressionMaxDepth?: string;
  readonly identity?: string;
  readonly oidcIssuer?: string;
  readonly oidcAudience?: string;
  readonly oidcJwksUri?: string;
  readonly oidcRolesClaim?: string;
  readonly secureCookies?: boolean;
  readonly insecureNoAuth?: boolean;
  readonly allowDemoIdentity?: boolean;
  readonly enableClockControl?: boolean;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function milliseconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`${flag} must be a positive whole number of milliseconds, got "${value}"`);
  return ms;
}

/** The expression limit flags (issue 12) and where each goes; a missing one keeps its default. */
const expressionLimitFlags = [
  ['maxSteps', '--expression-max-steps', 'expressionMaxSteps', 'BATON_EXPRESSION_MAX_STEPS', 'work one evaluation may do: iterations and calls, weighted by the expression\'s size'],
  ['maxResultSize', '--expression-max-result-size', 'expressionMaxResultSize', 'BATON_EXPRESSION_MAX_RESULT_SIZE', 'largest list, context or string an evaluation may build'],
  ['maxDepth', '--expression-max-depth', 'expressionMaxDepth', 'BATON_EXPRESSION_MAX_DEPTH', 'deepest nesting of function calls and of the result'],
] as const;

/** The variable limit flags (issue 12): each variables document a request or handler hands in; startNode checks the ranges. */
const variableLimitFlags = [
  ['maxDepth', '--variables-max-depth', 'variablesMaxDepth', 'BATON_VARIABLES_MAX_DEPTH', 'deepest nesting of objects and arrays, at most 1000 (default 64)'],
  ['maxBytes', '--variables-max-bytes', 'variablesMaxBytes', 'BATON_VARIABLES_MAX_BYTES', 'largest JSON, bytes (default 1048576: 1 MiB)'],
  ['maxEntries', '--variables-max-entries', 'variablesMaxEntries', 'BATON_VARIABLES_MAX_ENTRIES', 'most keys of an object or items of an array (default 10000)'],
] as const;

/** The limits given by a table's flags, each a positive whole number; a missing one keeps its default. */
function limitsFrom<Name extends string>(flags: ServeFlags, table: readonly (readonly [Name, string, keyof ServeFlags, string, string])[]): Partial<Record<Name, number>> {
  const limits: Partial<Record<Name, number>> = {};
  for (const [name, flag, key] of table) {
    const value = flags[key];
    if (value === undefined) continue;
    const count = Number(value);
    if (!Number.isSafeInteger(count) || count <= 0) throw new Error(`${flag} must be a positive whole number, got "${String(value)}"`);
    limits[name] = count;
  }
  return limits;
}

/** `--store-api-key` / `--store-token`, for a `baton+http(s)://` store only (issue 17). */
function storeCredentials(flags: ServeFlags): Pick<StartNodeOptions, 'storeCredentials'> {
  if (flags.storeApiKey === undefined && flags.storeToken === undefined) return {};
  if (!/^baton\+https?:\/\//.test(flags.store)) {
    throw new Error(`--store-api-key and --store-token (BATON_STORE_API_KEY, BATON_STORE_TOKEN) go with a proxy store (--store baton+http://…), but --store is "${flags.store}"`);
  }
  return {
    storeCredentials: {
      ...(flags.storeApiKey === undefined ? {} : { apiKey: flags.storeApiKey }),
      ...(flags.storeToken === undefined ? {} : { bearerToken: flags.storeToken }),
    },
  };
}

async function toOptions(flags: ServeFlags): Promise<StartNodeOptions> {
  const handOffTimeoutMs = milliseconds('--hand-off-timeout-ms', flags.handOffTimeoutMs);
  const handOffRetryBackOffMs = milliseconds('--hand-off-retry-ms', flags.handOffRetryMs);
  const jobLeaseMs = milliseconds('--job-lease-ms', flags.jobLeaseMs);
  const endedRetentionMs = milliseconds('--ended-retention-ms', flags.endedRetentionMs);
  const shutdownGraceMs = milliseconds('--shutdown-grace-ms', flags.shutdownGraceMs);
  const postgresStatementTimeoutMs = milliseconds('--pg-statement-timeout-ms', flags.pgStatementTimeoutMs);
  const postgresPoolSize = flags.pgPoolSize === undefined ? undefined : Number(flags.pgPoolSize);
  if (postgresPoolSize !== undefined && !(Number.isSafeInteger(postgresPoolSize) && postgresPoolSize > 0)) {
    throw new Error(`--pg-pool-size must be a positive whole number of connections, got "${flags.pgPoolSize}"`);
  }
  const outboxSweepMs = milliseconds('--outbox-sweep-ms', flags.outboxSweepMs);
  const maxClockSkewMs = flags.maxClockSkewMs === undefined ? undefined : Number(flags.maxClockSkewMs);
  if (maxClockSkewMs !== undefined && !(Number.isSafeInteger(maxClockSkewMs) && maxClockSkewMs >= 0)) {
    throw new Error(`--max-clock-skew-ms must be a whole number of milliseconds, 0 or more, got "${flags.maxClockSkewMs}"`);
  }
  const bodyLimit = flags.bodyLimit === undefined ? undefined : Number(flags.bodyLimit);
  if (bodyLimit !== undefined && !(Number.isSafeInteger(bodyLimit) && bodyLimit > 0)) throw new Error(`--body-limit must be a positive whole number of bytes, got "${flags.bodyLimit}"`);
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number (0-65535), got "${flags.port}"`);
  }
  const sessionSecret = process.env['BATON_SESSION_SECRET'];
  const auth = await authConfigFromFlags({
    ...(flags.identity === undefined ? {} : { identityFile: flags.identity }),
    ...(flags.oidcIssuer === undefined ? {} : { oidcIssuer: flags.oidcIssuer }),
    ...(flags.oidcAudience === undefined ? {} : { oidcAudience: flags.oidcAudience }),
    ...(flags.oidcJwksUri === undefined ? {} : { oidcJwksUri: flags.oidcJwksUri }),
    ...(flags.oidcRolesClaim === undefined ? {} : { oidcRolesClaim: flags.oidcRolesClaim }),
    ...(sessionSecret === undefined ? {} : { sessionSecret }),
    ...(flags.secureCookies === undefined ? {} : { secureCookies: flags.secureCookies }),
    ...(flags.allowDemoIdentity === true ? { allowDemoIdentity: true } : {}),
  });
  return {
    port,
    ...(flags.enableClockControl === true ? { enableClockControl: true } : {}),
    host: flags.host,
    ...(auth === undefined ? {} : { auth }),
    ...(flags.insecureNoAuth === true ? { insecureNoAuth: true } : {}),
    store: flags.store,
    ...storeCredentials(flags),
    ...(flags.queue === undefined ? {} : { queue: flags.queue }),
    bus: flags.bus,
    ...(flags.history === undefined ? {} : { history: flags.history }),
    ...(flags.identityStore === undefined ? {} : { identityStoreUrl: flags.identityStore }),
    handleSignals: false,
    ...(flags.capabilities === undefined ? {} : { capabilities: flags.capabilities.split(',').map((c) => c.trim()).filter(Boolean) }),
    ...(flags.handlers === undefined ? {} : { handlersModule: flags.handlers }),
    ...(flags.deploy === undefined ? {} : { deployDir: flags.deploy }),
    ...(flags.nodeId === undefined ? {} : { nodeId: flags.nodeId }),
    ...(flags.cluster === undefined ? {} : { cluster: flags.cluster }),
    ...(handOffTimeoutMs === undefined ? {} : { handOffTimeoutMs }),
    ...(handOffRetryBackOffMs === undefined ? {} : { handOffRetryBackOffMs }),
    ...(jobLeaseMs === undefined ? {} : { jobLeaseMs }),
    ...(flags.eagerDispatch === false ? { eagerDispatch: false } : {}),
    ...(endedRetentionMs === undefined ? {} : { endedRetentionMs }),
    ...(shutdownGraceMs === undefined ? {} : { shutdownGraceMs }),
    ...(postgresPoolSize === undefined ? {} : { postgresPoolSize }),
    ...(postgresStatementTimeoutMs === undefined ? {} : { postgresStatementTimeoutMs }),
    ...(outboxSweepMs === undefined ? {} : { outboxSweepMs }),
    ...(maxClockSkewMs === undefined ? {} : { maxClockSkewMs }),
    ...(bodyLimit === undefined ? {} : { bodyLimit }),
    variableLimits: limitsFrom(flags, variableLimitFlags),
    expressionLimits: limitsFrom<keyof ExpressionLimits>(flags, expressionLimitFlags),
  } as StartNodeOptions;
}

/** `baton serve`: runs an engine node until SIGINT or SIGTERM. */
export function registerServe(program: Command, ctx: CommandContext): void {
  const serve = program
    .command('serve')
    .summary('run an engine node (HTTP API, workers, timers)')
    .description('Runs an engine node: the HTTP API, in-process job handlers and timers, until Ctrl-C.')
    .addOption(new Option('--port <port>', 'HTTP port (0 picks a free one)').env('PORT').default('8080'))
    .addOption(new Option('--host <host>', 'address to bind').env('BATON_HOST').default('127.0.0.1'))
    .addOption(new Option('--store <url>', 'state store: memory, redis://…, postgres://…, or baton+http(s)://[user:password@]node: another Baton node (proxy store)').env('BATON_STORE').default('memory'))
    .addOption(new Option('--store-api-key <key>', 'with a baton+http(s):// store: an API key with the role store on that node').env('BATON_STORE_API_KEY'))
    .addOption(new Option('--store-token <token>', 'with a baton+http(s):// store: an OIDC access token with the role store on that node').env('BATON_STORE_TOKEN'))
    // No default value: with a Postgres store and no --queue, jobs and timers live in that Postgres (issue 15); otherwise in memory.
    .addOption(new Option('--queue <url>', 'job and timer queue (default: the store\'s Postgres with --store postgres://…, else memory)').env('BATON_QUEUE'))
    .addOption(new Option('--bus <url>', 'message bus').env('BATON_BUS').default('memory'))
    .addOption(
      new Option('--history <url>', 'secondary storage (postgres://…) each instance\'s history is copied to after its commits; history reads and instance search use it, a little behind the store (default: the store serves both)').env(
        'BATON_HISTORY',
      ),
    )
    .addOption(new Option('--identity-store <url>', 'where admins\' users and groups are kept: memory, redis://… or postgres://… (default: beside the store)').env('BATON_IDENTITY_STORE'))
    .addOption(new Option('--capabilities <types>', 'comma-separated job types this node runs (default: its handlers)').env('BATON_CAPABILITIES'))
    .addOption(new Option('--handlers <file>', 'module whose default export maps job types to async handlers').env('BATON_HANDLERS'))
    .addOption(new Option('--deploy <dir>', 'deploy every .bpmn file under this folder at start').env('BATON_DEPLOY'))
    .addOption(new Option('--node-id <id>', 'this node\'s id in logs and topology').env('BATON_NODE_ID'))
    .addOption(new Option('--identity <file>', 'users, groups and API keys (YAML); turns authentication on').env('BATON_IDENTITY'))
    .addOption(new Option('--oidc-issuer <url>', 'accept bearer JWTs from this OpenID Connect issuer').env('BATON_OIDC_ISSUER'))
    .addOption(new Option('--oidc-audience <id>', 'the audience those tokens must carry').env('BATON_OIDC_AUDIENCE'))
    .addOption(new Option('--oidc-jwks-uri <url>', 'the issuer\'s key set (default: from its discovery document)').env('BATON_OIDC_JWKS_URI'))
    .addOption(new Option('--oidc-roles-claim <path>', 'claim holding the roles, e.g. realm_access.roles').env('BATON_OIDC_ROLES_CLAIM'))
    .addOption(new Option('--secure-cookies', 'mark session cookies Secure (behind HTTPS)'))
    .addOption(new Option('--insecure-no-auth', 'allow binding a non-loopback address without authentication (logged as a warning)'))
    .addOption(new Option('--enable-clock-control', 'let admins pin the engine clock with PUT /v2/clock (tests of timers; in-memory queue only)').env('BATON_ENABLE_CLOCK_CONTROL'))
    .addOption(new Option('--allow-demo-identity', 'allow binding a non-loopback address with the demo identity, whose passwords are public (logged as a warning)'))
    .addOption(new Option('--cluster <name>', 'bus subjects are baton.<name>.…: nodes of one cluster share it').env('BATON_CLUSTER').default('default'))
    .addOption(new Option('--hand-off-timeout-ms <ms>', 'how long to wait for a capable peer to answer a handed-off request or job (default 30000)').env('BATON_HAND_OFF_TIMEOUT_MS'))
    .addOption(new Option('--hand-off-retry-ms <ms>', 'wait before retrying a job whose capable peer did not answer (default 5000)').env('BATON_HAND_OFF_RETRY_MS'))
    .addOption(new Option('--job-lease-ms <ms>', 'how long a job stays with a node that died holding it before a peer takes it over; keep it above the hand-off timeout (default 60000)').env('BATON_JOB_LEASE_MS'))
    .addOption(
      new Option('--ended-retention-ms <ms>', 'how long a completed or terminated instance stays readable with its history before the store drops it (default 86400000: a day)').env(
        'BATON_ENDED_RETENTION_MS',
      ),
    )
    .addOption(
      new Option('--shutdown-grace-ms <ms>', 'how long stopping may take (drain, then connections) before the node drops its connections and exits 1 (default 80000)').env(
        'BATON_SHUTDOWN_GRACE_MS',
      ),
    )
    .addOption(
      new Option(
        '--max-clock-skew-ms <ms>',
        'with a Redis store the node keeps Redis TIME, correcting its host clock by the offset it measures; beyond this offset it warns and readiness is DOWN until the host\'s time sync is fixed; 0: never DOWN (default 2000)',
      ).env('BATON_MAX_CLOCK_SKEW_MS'),
    )
    .addOption(
      new Option('--pg-pool-size <n>', 'Postgres store and queue: connections in each adapter\'s pool; wins over the URL\'s pool_size (default 10)').env('BATON_PG_POOL_SIZE'),
    )
    .addOption(
      new Option('--pg-statement-timeout-ms <ms>', 'Postgres: longest a statement may run before the server cancels it; wins over the URL\'s statement_timeout (default 5000)')
        .env('BATON_PG_STATEMENT_TIMEOUT_MS'),
    )
    .addOption(
      new Option('--outbox-sweep-ms <ms>', 'how often the node re-runs effects a node left in the outbox when it died between a commit and its dispatch (default 5000)').env(
        'BATON_OUTBOX_SWEEP_MS',
      ),
    )
    .addOption(new Option('--body-limit <bytes>', 'largest request body; a larger one is refused with 413 PAYLOAD_TOO_LARGE (default 4194304: 4 MiB)').env('BATON_BODY_LIMIT'))
    .addOption(
      new Option('--no-eager-dispatch', 'send every job through the shared queue; by default a job this node creates for a type it handles runs here at once, leased (Redis queue)').env(
        'BATON_NO_EAGER_DISPATCH',
      ),
    );
  for (const [name, flag, , env, what] of expressionLimitFlags) {
    serve.addOption(new Option(`${flag} <n>`, `${what}; a hit is an incident on the element (default ${defaultExpressionLimits[name]})`).env(env));
  }
  for (const [, flag, , env, what] of variableLimitFlags) {
    serve.addOption(new Option(`${flag} <n>`, `one variables document in a request or from a handler: ${what}; over it, 400 VARIABLE_LIMIT_EXCEEDED`).env(env));
  }
  serve
    .addHelpText(
      'after',
      '\nExamples:\n  $ baton serve --deploy services/engine/examples --handlers services/engine/examples/handlers.js\n  $ PORT=9000 baton serve --capabilities label-printer\n  $ BATON_SESSION_SECRET=... baton serve --host 0.0.0.0 --identity identity.yaml --store redis://127.0.0.1:6379\n  $ baton serve --store redis://127.0.0.1:6379 --history postgres://baton@127.0.0.1/baton --identity-store postgres://baton@127.0.0.1/baton\n  $ BATON_STORE_API_KEY=baton_edge_... baton serve --store baton+https://central.example.com --handlers handlers.js\n',
    )
    .action(async (flags: ServeFlags) => {
      let node;
      try {
        node = await startNode(await toOptions(flags));
      } catch (err) {
        const code = isBatonError(err) ? `${err.code}: ` : '';
        ctx.io.stderr(`baton serve: ${code}${err instanceof Error ? err.message : String(err)}\n`);
        ctx.exitCode = exitCodes.failed;
        return;
      }
      const signal = await untilStopSignal();
      ctx.io.stderr(`baton serve: ${signal} received, stopping\n`);
      try {
        await node.close();
      } catch (err) {
        // SHUTDOWN_FORCED (issue 12, finding 11): connections to a store that does not
        // answer would keep the process alive; the node has logged why, so exit now.
        ctx.io.stderr(`baton serve: ${isBatonError(err) ? `${err.code}: ` : ''}${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(exitCodes.failed);
      }
    });
}
