import { Option, type Command } from 'commander';
import type { Incident, IncidentSearch } from '@baton/client';
import { BatonError } from '@baton/errors';
import type { CommandContext } from '../io.js';
import { clip, table } from '../remote/format.js';
import { againstNode, printJson, withNodeOptions, type NodeFlags } from '../remote/node.js';

interface IncidentsFlags extends NodeFlags {
  readonly instance?: string;
  readonly state: 'ACTIVE' | 'RESOLVED';
}

function searchOf(flags: IncidentsFlags): IncidentSearch {
  return { filter: { state: flags.state, ...(flags.instance === undefined ? {} : { processInstanceKey: flags.instance }) } };
}

function formatIncidents(incidents: readonly Incident[], state: IncidentsFlags['state']): string {
  if (incidents.length === 0) return `no ${state.toLowerCase()} incidents\n`;
  const rows = incidents.map((i) => [i.incidentKey, i.processInstanceKey, i.processDefinitionId, i.elementId, i.errorType, clip(i.errorMessage, 100)]);
  return table(['KEY', 'INSTANCE', 'PROCESS', 'ELEMENT', 'TYPE', 'MESSAGE'], rows);
}

function registerList(program: Command, ctx: CommandContext): void {
  const command = program
    .command('incidents')
    .summary('list incidents (instances that cannot continue)')
    .description('Lists incidents, active ones unless --state says otherwise: key, instance, process, element, type, message.')
    .option('--instance <key>', 'only incidents of this process instance')
    .addOption(new Option('--state <state>', 'incident state').choices(['ACTIVE', 'RESOLVED']).default('ACTIVE'));
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton incidents\n  $ baton incidents --instance 2251799813685251 --json\n')
    .action(async (flags: IncidentsFlags) =>
      againstNode(ctx, 'incidents', flags, async (client) => {
        const found = await client.searchIncidents(searchOf(flags));
        if (flags.json === true) printJson(ctx, found);
        else ctx.io.stdout(formatIncidents(found.items, flags.state));
      }),
    );
}

function retriesOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const retries = Number(text);
  if (!Number.isInteger(retries) || retries < 1) {
    throw new BatonError('VALIDATION_FAILED', `--retries expects a positive whole number, got "${text}".`, { field: 'retries' });
  }
  return retries;
}

function registerResolve(program: Command, ctx: CommandContext): void {
  const command = program
    .command('resolve-incident')
    .summary('resolve an incident: retry its job or element')
    .description('Resolves incident KEY: its job gets --retries more tries (the node\'s default: 1), or its element runs again.')
    .argument('<key>', 'the incident key, as `baton incidents` lists it')
    .option('--retries <n>', 'retries to give the failed job');
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton resolve-incident 2251799813685270\n  $ baton resolve-incident 2251799813685270 --retries 3\n')
    .action(async (key: string, flags: NodeFlags & { readonly retries?: string }) =>
      againstNode(ctx, 'resolve-incident', flags, async (client) => {
        await client.resolveIncident(key, retriesOf(flags.retries));
        if (flags.json === true) printJson(ctx, { incidentKey: key, resolved: true });
        else ctx.io.stdout(`resolved incident ${key}\n`);
      }),
    );
}

/** `baton incidents [--instance KEY]` and `baton resolve-incident KEY`. */
export function registerIncidents(program: Command, ctx: CommandContext): void {
  registerList(program, ctx);
  registerResolve(program, ctx);
}
