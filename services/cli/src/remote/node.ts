import { Option, type Command } from 'commander';
import { createBusClient, createClient, type BatonClient } from '@baton/client';
import { BatonError, isBatonError } from '@baton/errors';
import { describeProblem } from '@baton/model';
import { exitCodes, type CommandContext } from '../io.js';

/** Where a command finds its node, from the flags every remote command takes. */
export interface NodeFlags {
  readonly url: string;
  readonly apiKey?: string;
  readonly json?: boolean;
  /** Issue 14: reach the cluster over its message bus instead of `url`. */
  readonly bus?: string;
  readonly cluster?: string;
}

/** The node `baton serve` and `npm start` run by default. */
export const defaultNodeUrl = 'http://127.0.0.1:8080';

/**
 * Adds the options of every command that talks to a running node: `--url` (env
 * `BATON_URL`), `--api-key` (env `BATON_API_KEY`) and `--json`. They sit on each
 * command rather than on `baton` itself, so `baton tasks --help` lists them and the
 * `--json` of `test` and `validate` keeps its own meaning.
 */
export function withNodeOptions(command: Command): Command {
  return command
    .addOption(new Option('--url <url>', 'the Baton node to talk to').env('BATON_URL').default(defaultNodeUrl))
    .addOption(new Option('--api-key <key>', 'sent as header x-api-key').env('BATON_API_KEY'))
    .option('--bus <url>', 'reach the cluster over its message bus (nats://host:port or faye+http://host:port/bayeux, token from BATON_FAYE_TOKEN) instead of --url')
    .addOption(new Option('--cluster <name>', 'with --bus: the nodes\' --cluster').env('BATON_CLUSTER').default('default'))
    .option('--json', "print the API's JSON answer instead of the human form");
}

/**
 * `baton --bus URL <command>` as well as `baton <command> --bus URL`: hands the program's
 * `--bus` to the commands that talk to a node (their own `--bus` wins). The program parses
 * its options before the command name only, so `baton serve --bus` stays serve's.
 */
export function withGlobalBusOption(program: Command): Command {
  return program
    .enablePositionalOptions()
    .option('--bus <url>', 'for the commands that talk to a node: reach the cluster over its message bus instead of --url')
    .hook('preSubcommand', (root, command) => {
      const bus = root.opts<{ bus?: string }>().bus;
      if (bus !== undefined && command.options.some((option) => option.long === '--url')) command.setOptionValueWithSource('bus', bus, 'cli');
    });
}

/** A client of the node the flags name; refuses a `--url` that is not an http(s) URL. */
export function clientFor(flags: NodeFlags): BatonClient {
  const url = URL.canParse(flags.url) ? new URL(flags.url) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new BatonError('VALIDATION_FAILED', `--url (or BATON_URL) must be an http(s) URL such as ${defaultNodeUrl}, got "${flags.url}".`, { field: 'url' });
  }
  return createClient({ baseUrl: flags.url, ...(flags.apiKey === undefined ? {} : { apiKey: flags.apiKey }) });
}

/** A client over the bus the flags name; `close()` ends its connection. */
async function busClientFor(bus: string, flags: NodeFlags): Promise<BatonClient & { close(): Promise<void> }> {
  const fayeToken = process.env['BATON_FAYE_TOKEN'];
  return createBusClient({
    bus,
    cluster: flags.cluster ?? 'default',
    ...(flags.apiKey === undefined ? {} : { apiKey: flags.apiKey }),
    ...(fayeToken === undefined || fayeToken === '' ? {} : { fayeToken }),
  });
}

/** No answer at all, as opposed to a node that answered 503 (that one did reach us). */
const isUnreachable = (error: BatonError): boolean => error.code === 'SERVER_UNAVAILABLE' && error.details['status'] === undefined;

interface ListedProblem {
  readonly code?: unknown;
  readonly elementId?: unknown;
  readonly field?: unknown;
  readonly processId?: unknown;
  readonly message?: unknown;
  readonly line?: unknown;
}

/** `  CODE element: message` for each problem the server listed. */
function problemLines(error: BatonError): string[] {
  const problems = error.details['problems'];
  if (!Array.isArray(problems)) return [];
  return (problems as readonly ListedProblem[]).map((p) => {
    const where = [p.elementId, p.field, p.processId].find((part): part is string => typeof part === 'string' && part !== '');
    const line = typeof p.line === 'number' ? p.line : undefined;
    return `  ${describeProblem({ code: String(p.code ?? 'PROBLEM'), message: String(p.message ?? ''), ...(where === undefined ? {} : { elementId: where }), ...(line === undefined ? {} : { line }) })}`;
  });
}

/** Writes what went wrong to stderr and returns the exit code it means. */
export function reportFailure(ctx: CommandContext, name: string, url: string, error: BatonError): number {
  if (error.code === 'NO_CAPABLE_NODE') {
    ctx.io.stderr(`baton ${name}: no Baton node answered over the bus at ${url}: ${error.message}\n`);
    return exitCodes.unreachable;
  }
  if (isUnreachable(error)) {
    const cause = error.cause instanceof Error ? (error.cause.cause instanceof Error ? error.cause.cause : error.cause) : undefined;
    const why = cause === undefined ? '' : ` (${'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message})`;
    ctx.io.stderr(
      `baton ${name}: cannot reach a Baton node at ${url}${why}.\n` +
        '  Start one with `npm start` (in the Baton repository) or `baton serve`, or point --url / BATON_URL at a running node.\n',
    );
    return exitCodes.unreachable;
  }
  ctx.io.stderr(`baton ${name}: ${error.code}: ${error.message}\n${problemLines(error).map((line) => `${line}\n`).join('')}`);
  return exitCodes.failed;
}

/**
 * Runs `action` against the node the flags name and sets the exit code: 0 when it
 * resolved, 3 when no node answered, 1 with the server's code and message on stderr when
 * the node (or the command's own argument checks) refused. Anything that is not a
 * BatonError is a bug and propagates to `run`.
 */
export async function againstNode(
  ctx: CommandContext,
  name: string,
  flags: NodeFlags,
  action: (client: BatonClient) => Promise<void>,
): Promise<void> {
  let close = async (): Promise<void> => undefined;
  try {
    if (flags.bus === undefined) await action(clientFor(flags));
    else {
      const client = await busClientFor(flags.bus, flags);
      close = () => client.close();
      await action(client);
    }
    ctx.exitCode = exitCodes.ok;
  } catch (error) {
    if (!isBatonError(error)) throw error;
    ctx.exitCode = reportFailure(ctx, name, flags.bus ?? flags.url, error);
  } finally {
    await close();
  }
}

/** Prints `value` as the API's JSON (two-space indented), one document per call. */
export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
