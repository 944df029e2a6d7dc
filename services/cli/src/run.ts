import { Command, CommanderError } from 'commander';
import { registerCancel } from './commands/cancel.js';
import { registerCluster } from './commands/cluster.js';
import { registerDb } from './commands/db.js';
import { registerDeploy } from './commands/deploy.js';
import { registerFayeServer } from './commands/faye-server.js';
import { registerIdentity } from './commands/identity.js';
import { registerIncidents } from './commands/incidents.js';
import { registerInstances } from './commands/instances.js';
import { registerMessages } from './commands/messages.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { registerTasks } from './commands/tasks.js';
import { registerTest } from './commands/test.js';
import { registerValidate } from './commands/validate.js';
import { exitCodes, type CliIo, type CommandContext } from './io.js';
import { withGlobalBusOption } from './remote/node.js';

/**
 * Runs the `baton` command line in process: `argv` without the node and script
 * paths (`['test', 'test/scenarios']`). Resolves to the exit code; writes only
 * through `io`, and never calls `process.exit`, so tests can capture everything.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = { io, exitCode: exitCodes.ok };
  const program = withGlobalBusOption(new Command('baton'))
    .description('Baton: a BPMN 2.0 process engine. Serve a node, drive it, test and validate process models.')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  registerTest(program, ctx);
  registerValidate(program, ctx);
  registerServe(program, ctx);
  registerCluster(program, ctx);
  registerFayeServer(program, ctx);
  registerDb(program, ctx);
  registerIdentity(program, ctx);
  registerDeploy(program, ctx);
  registerStart(program, ctx);
  registerInstances(program, ctx);
  registerTasks(program, ctx);
  registerMessages(program, ctx);
  registerIncidents(program, ctx);
  registerCancel(program, ctx);
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
