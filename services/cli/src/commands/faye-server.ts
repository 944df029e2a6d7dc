import { Option, type Command } from 'commander';
import { runFayeServer } from '@baton/faye';
import { exitCodes, type CommandContext } from '../io.js';

interface FayeServerFlags {
  readonly port: string;
  readonly host: string;
  readonly token?: string;
  readonly mount: string;
}

/** `baton faye-server`: the Faye endpoint for browsers and nodes, until SIGINT or SIGTERM. */
export function registerFayeServer(program: Command, ctx: CommandContext): void {
  program
    .command('faye-server')
    .summary('run the Faye endpoint (message bus for browsers and nodes)')
    .description('Runs a Faye (Bayeux) endpoint with a token check on every message. Nodes use it with --bus faye+http://HOST:PORT/bayeux.')
    .addOption(new Option('--port <port>', 'HTTP port (0 picks a free one)').env('BATON_FAYE_PORT').default('8000'))
    .addOption(new Option('--host <host>', 'address to bind').env('BATON_FAYE_HOST').default('127.0.0.1'))
    .addOption(new Option('--token <token>', 'the token every client must send').env('BATON_FAYE_TOKEN'))
    .addOption(new Option('--mount <path>', 'path of the endpoint').default('/bayeux'))
    .addHelpText('after', '\nExample:\n  $ BATON_FAYE_TOKEN=s3cret baton faye-server --port 8000\n  $ BATON_FAYE_TOKEN=s3cret baton serve --bus faye+http://127.0.0.1:8000/bayeux\n')
    .action(async (flags: FayeServerFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        ctx.io.stderr(`baton faye-server: --port must be a port number (0-65535), got "${flags.port}"\n`);
        ctx.exitCode = exitCodes.failed;
        return;
      }
      if (flags.token === undefined || flags.token === '') {
        ctx.io.stderr('baton faye-server: a token is required (--token or BATON_FAYE_TOKEN); clients must send it\n');
        ctx.exitCode = exitCodes.failed;
        return;
      }
      const server = await runFayeServer({ port, host: flags.host, token: flags.token, mount: flags.mount, log: (line) => ctx.io.stdout(`${line}\n`) });
      await new Promise<void>((resolve) => {
        const done = (): void => resolve();
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await server.close();
    });
}
