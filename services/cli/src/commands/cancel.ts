import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { againstNode, printJson, withNodeOptions, type NodeFlags } from '../remote/node.js';

/** `baton cancel KEY`: terminates a process instance. */
export function registerCancel(program: Command, ctx: CommandContext): void {
  const command = program
    .command('cancel')
    .summary('cancel a process instance')
    .description('Cancels process instance KEY: everything it waits on is withdrawn and it ends as TERMINATED.')
    .argument('<key>', 'the process instance key');
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton cancel 2251799813685251\n')
    .action(async (key: string, flags: NodeFlags) =>
      againstNode(ctx, 'cancel', flags, async (client) => {
        await client.cancelProcessInstance(key);
        if (flags.json === true) printJson(ctx, { processInstanceKey: key, canceled: true });
        else ctx.io.stdout(`canceled instance ${key}\n`);
      }),
    );
}
