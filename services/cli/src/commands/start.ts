import type { Command } from 'commander';
import type { CreatedProcessInstance } from '@baton/client';
import { BatonError } from '@baton/errors';
import type { CommandContext } from '../io.js';
import { fields, variableLines } from '../remote/format.js';
import { againstNode, printJson, withNodeOptions, type NodeFlags } from '../remote/node.js';
import { variablesOf, withVariableOptions, type VariableFlags } from '../remote/variables.js';

interface StartFlags extends NodeFlags, VariableFlags {
  readonly version?: string;
  readonly await?: boolean;
  readonly timeout?: string;
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new BatonError('VALIDATION_FAILED', `${flag} expects a positive whole number, got "${text}".`, { field: flag.slice(2) });
  }
  return value;
}

function formatStarted(started: CreatedProcessInstance, awaited: boolean): string {
  const head = fields([
    ['instance', started.processInstanceKey],
    ['process', `${started.processDefinitionId} version ${started.processDefinitionVersion} (key ${started.processDefinitionKey})`],
    ['state', awaited ? `${started.state ?? 'ACTIVE'}${started.hasIncident === true ? ' with incident' : ''}` : undefined],
  ]);
  if (!awaited) return head;
  const stillRunning = started.state === 'ACTIVE' && started.hasIncident !== true ? 'still running when the wait ended; see `baton instances KEY`\n' : '';
  return `${head}${stillRunning}variables\n${variableLines(started.variables ?? {})}`;
}

/** `baton start PROCESS_ID [--var k=v ...] [--variables JSON] [--await]`: starts an instance. */
export function registerStart(program: Command, ctx: CommandContext): void {
  const command = program
    .command('start')
    .summary('start a process instance')
    .description(
      'Starts an instance of the latest deployed version of PROCESS_ID (the BPMN process id) and prints its key. ' +
        'With --await, waits until the instance ends or hits an incident (at most --timeout ms) and prints its ' +
        'state and variables.',
    )
    .argument('<processId>', 'the BPMN process id, e.g. order')
    .option('--version <n>', 'start this deployed version instead of the latest')
    .option('--await', 'wait for the instance to end (or hit an incident) and print its state and variables')
    .option('--timeout <ms>', 'with --await: how long to wait (ms); the server default is 10 s');
  withVariableOptions(command, 'to start with');
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton start order --var amount=150\n  $ baton start order --variables \'{"amount":50,"items":3}\' --await\n')
    .action(async (processId: string, flags: StartFlags) =>
      againstNode(ctx, 'start', flags, async (client) => {
        const started = await client.createProcessInstance({
          processDefinitionId: processId,
          variables: variablesOf(flags),
          ...(flags.version === undefined ? {} : { processDefinitionVersion: positiveInteger(flags.version, '--version') }),
          ...(flags.await === true ? { awaitCompletion: true } : {}),
          ...(flags.timeout === undefined ? {} : { requestTimeout: positiveInteger(flags.timeout, '--timeout') }),
        });
        if (flags.json === true) printJson(ctx, started);
        else ctx.io.stdout(formatStarted(started, flags.await === true));
      }),
    );
}
