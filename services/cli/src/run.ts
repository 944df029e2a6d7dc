import { Command, CommanderError } from 'commander';
import { registerServe } from './commands/serve.js';
import { registerTest } from './commands/test.js';
import { registerValidate } from './commands/validate.js';
import { exitCodes, type CliIo, type CommandContext } from './io.js';

/**
 * Runs the `baton` command line in process: `argv` without the node and script
 * paths (`['test', 'test/scenarios']`). Resolves to the exit code; writes only
 * through `io`, and never calls `process.exit`, so tests can capture everything.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = { io, exitCode: exitCodes.ok };
  const program = new Command('baton')
    .description('Baton: a BPMN 2.0 process engine. Test, validate and serve process models.')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  registerTest(program, ctx);
  registerValidate(program, ctx);
  registerServe(program, ctx);
  for (const command of program.commands) {
    command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride().showHelpAfterError('(add --help for usage)');
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    io.stderr(`baton: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return exitCodes.failed;
  }
}
