import type { Command } from 'commander';
import type { BatonClient, HistoryEntry, ProcessInstance, WaitingElement } from '@baton/client';
import type { CommandContext } from '../io.js';
import { clip, fields, show, table, variableLines } from '../remote/format.js';
import { againstNode, printJson, withNodeOptions, type NodeFlags } from '../remote/node.js';

interface InstancesFlags extends NodeFlags {
  readonly history?: boolean;
}

/** Each kind of open wait: what it is, its key, and a detail (a record, so a new kind fails to compile). */
const waitColumns: Record<WaitingElement['kind'], (wait: WaitingElement) => [string, string, string]> = {
  userTask: (w) => ['user task', show(w.userTaskKey), 'baton complete-task KEY'],
  job: (w) => ['job', show(w.jobKey), `type ${show(w.jobType)}`],
  timer: (w) => ['timer', show(w.timerKey), `due ${show(w.dueDate)}`],
  message: (w) => ['message', '-', `name ${show(w.messageName)}`],
  signal: (w) => ['signal', '-', `name ${show(w.signalName)}`],
};

function waitingRow(wait: WaitingElement): string[] {
  const columns = waitColumns[wait.kind] as ((w: WaitingElement) => [string, string, string]) | undefined;
  // A newer node may report a kind this CLI does not know yet: show it rather than fail.
  return [wait.elementId, ...(columns?.(wait) ?? [String(wait.kind), wait.elementInstanceKey, ''])];
}

const indent = (text: string): string => text.replace(/^(?=.)/gm, '  ');

function formatInstance(instance: ProcessInstance): string {
  const state = `${instance.state}${instance.hasIncident ? ' (with incident)' : ''}`;
  const head = fields([
    ['instance', instance.processInstanceKey],
    ['process', `${instance.processDefinitionId} version ${instance.processDefinitionVersion} (key ${instance.processDefinitionKey})`],
    ['state', state],
    ['started', instance.startDate],
    ['ended', instance.endDate],
    ['parent', instance.parentProcessInstanceKey],
  ]);
  const waiting =
    instance.waiting.length === 0 ? '  (nothing)\n' : indent(table(['ELEMENT', 'WAITS ON', 'KEY', 'DETAIL'], instance.waiting.map(waitingRow)));
  const incidentRows = instance.incidents.map((i) => [i.incidentKey, i.elementId, i.errorType, clip(i.errorMessage, 100)]);
  const incidents = incidentRows.length === 0 ? '  (none)\n' : indent(table(['KEY', 'ELEMENT', 'TYPE', 'MESSAGE'], incidentRows));
  return `${head}waiting\n${waiting}incidents\n${incidents}variables\n${variableLines(instance.variables)}`;
}

/** Fields every event carries (or that repeat the row), left out of the detail column. */
const commonFields = new Set(['position', 'type', 'time', 'at', 'instanceId', 'commandId', 'elementId', 'elementInstanceId', 'hasScope']);
/** Fields of a nested record (`job`, `userTask`, `timer`) that the row already says. */
const nestedNoise = new Set(['kind', 'elementId', 'elementInstanceId', 'createdAt', 'state']);

const isEmpty = (value: unknown): boolean =>
  value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);

/** `dueAt=1795246900428` reads better as an ISO time. */
const showField = (name: string, value: unknown): string =>
  `${name}=${name.endsWith('At') && typeof value === 'number' ? new Date(value).toISOString() : show(value)}`;

/** `name=value`; a nested record (a job, a timer) is flattened to its own telling fields. */
function detailParts(name: string, value: unknown): string[] {
  if (isEmpty(value)) return [];
  if (name === 'variables' || typeof value !== 'object' || value === null || Array.isArray(value)) return [showField(name, value)];
  return Object.entries(value)
    .filter(([field, inner]) => !nestedNoise.has(field) && !isEmpty(inner))
    .map(([field, inner]) => showField(field, inner));
}

function eventDetail(entry: HistoryEntry): string {
  if (entry.type === 'FlowTaken') return `${show(entry['sourceId'])} -> ${show(entry['targetId'])} (${show(entry['flowId'])})`;
  const parts = Object.entries(entry)
    .filter(([name]) => !commonFields.has(name))
    .flatMap(([name, value]) => detailParts(name, value));
  return clip(parts.join(' '), 120);
}

/** `07:41:34.178` from an ISO time: the date is the same for most of an instance's life. */
const timeOfDay = (time: unknown): string => (typeof time === 'string' && time.length >= 23 ? time.slice(11, 23) : '-');

function formatHistory(items: readonly HistoryEntry[]): string {
  const rows = items.map((e) => [String(e.position), timeOfDay(e['time']), e.type, show(e['elementId']), eventDetail(e)]);
  return `history (${items.length} events, times in UTC)\n${indent(table(['#', 'TIME', 'EVENT', 'ELEMENT', 'DETAIL'], rows))}`;
}

async function showOne(ctx: CommandContext, client: BatonClient, key: string, flags: InstancesFlags): Promise<void> {
  const instance = await client.getProcessInstance(key);
  const history = flags.history === true ? (await client.getProcessInstanceHistory(key)).items : undefined;
  if (flags.json === true) {
    printJson(ctx, history === undefined ? instance : { ...instance, history });
    return;
  }
  ctx.io.stdout(formatInstance(instance));
  if (history !== undefined) ctx.io.stdout(formatHistory(history));
}

/**
 * The node's API has no route that lists instances (GET /v2/process-instances/{key} only),
 * so the list is built from what the API does search: open user tasks and active incidents.
 */
async function listKnown(ctx: CommandContext, client: BatonClient, flags: InstancesFlags): Promise<void> {
  const [tasks, incidents] = await Promise.all([client.searchUserTasks({ filter: { state: 'CREATED' } }), client.searchIncidents({ filter: { state: 'ACTIVE' } })]);
  const keys = [...new Set([...tasks.items.map((t) => t.processInstanceKey), ...incidents.items.map((i) => i.processInstanceKey)])];
  const instances = await Promise.all(keys.map((key) => client.getProcessInstance(key)));
  ctx.io.stderr(
    'baton instances: the node\'s API has no route that lists every instance; showing those with an open user task ' +
      'or an active incident. Use `baton instances KEY` for any other (`baton start` prints the key).\n',
  );
  if (flags.json === true) {
    printJson(ctx, { items: instances, page: { totalItems: instances.length } });
    return;
  }
  if (instances.length === 0) {
    ctx.io.stdout('no instance waits on a user task or has an incident\n');
    return;
  }
  const rows = instances.map((i) => [
    i.processInstanceKey,
    `${i.processDefinitionId} v${i.processDefinitionVersion}`,
    `${i.state}${i.hasIncident ? ' (incident)' : ''}`,
    i.waiting.map((w) => w.elementId).join(', ') || '-',
    i.startDate,
  ]);
  ctx.io.stdout(table(['KEY', 'PROCESS', 'STATE', 'WAITING', 'STARTED'], rows));
}

/** `baton instances [KEY] [--history]`: one instance in detail, or the instances that wait on people or incidents. */
export function registerInstances(program: Command, ctx: CommandContext): void {
  const command = program
    .command('instances')
    .summary('show a process instance (state, waits, incidents, variables, history)')
    .description(
      'With KEY: the instance\'s state, what it waits on (with the key to act on it), its incidents and variables; ' +
        '--history adds its events in order (with --json: the instance plus a "history" array). ' +
        'Without KEY: the instances with an open user task or an active incident, since the API has no route ' +
        'that lists all instances.',
    )
    .argument('[key]', 'a process instance key, as `baton start` prints it')
    .option('--history', 'also print the instance\'s events, in order');
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton instances 2251799813685251 --history\n  $ baton instances --json\n')
    .action(async (key: string | undefined, flags: InstancesFlags) =>
      againstNode(ctx, 'instances', flags, (client) => (key === undefined ? listKnown(ctx, client, flags) : showOne(ctx, client, key, flags))),
    );
}
