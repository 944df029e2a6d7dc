import type { Command } from 'commander';
import { exitCodes, type CommandContext } from '../io.js';

/** `baton serve`: a placeholder until the engine node exists; says so and exits 2. */
export function registerServe(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .summary('run an engine node (not implemented yet)')
    .description('Runs an engine node: HTTP API, workers, timers. Not implemented yet.')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .addHelpText('after', '\nExample:\n  $ baton serve --deploy examples/processes --handlers examples/handlers.js\n')
    .action(() => {
      ctx.io.stderr('baton serve is not implemented yet\n');
      ctx.exitCode = exitCodes.notImplemented;
    });
}
