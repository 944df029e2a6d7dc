import { Option, type Command } from 'commander';
import type { BatonClient, HistoryEntry, InstanceStateName, ProcessInstance, ProcessInstanceSearch, ProcessInstanceSummary, WaitingElement } from '@baton/client';
import type { CommandContext } from '../io.js';
import { clip, fields, show, table, variableLines } from '../remote/format.js';
import { againstNode, printJson, withNodeOptions, type NodeFlags } from '../remote/node.js';

interface InstancesFlags extends NodeFlags {
  readonly history?: boolean;
  readonly process?: string;
  readonly state?: InstanceStateName;
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

/** Asks for this many at once; `baton instances` says when there are more. */
const listLimit = 1000;

function searchOf(flags: InstancesFlags): ProcessInstanceSearch {
  return {
    filter: {
      ...(flags.process === undefined ? {} : { processDefinitionId: flags.process }),
      ...(flags.state === undefined ? {} : { state: flags.state }),
    },
    page: { limit: listLimit },
  };
}

function formatList(instances: readonly ProcessInstanceSummary[], total: number, flags: InstancesFlags): string {
  if (instances.length === 0) {
    const state = flags.state === undefined ? '' : ` ${flags.state.toLowerCase()}`;
    return `no${state} instances${flags.process === undefined ? '' : ` of process ${flags.process}`}\n`;
  }
  const rows = instances.map((i) => [
    i.processInstanceKey,
    i.processDefinitionId,
    String(i.processDefinitionVersion),
    `${i.state}${i.hasIncident ? ' (incident)' : ''}`,
    i.startDate,
    show(i.endDate),
  ]);
  const more = total > instances.length ? `(${instances.length} of ${total} shown)\n` : '';
  return `${table(['KEY', 'PROCESS', 'VERSION', 'STATE', 'STARTED', 'ENDED'], rows)}${more}`;
}

async function listInstances(ctx: CommandContext, client: BatonClient, flags: InstancesFlags): Promise<void> {
  const found = await client.searchProcessInstances(searchOf(flags));
  if (flags.json === true) printJson(ctx, found);
  else ctx.io.stdout(formatList(found.items, found.page.totalItems, flags));
}

/** `baton instances [KEY] [--history]`: one instance in detail, or the instances by process and state. */
export function registerInstances(program: Command, ctx: CommandContext): void {
  const command = program
    .command('instances')
    .summary('list process instances, or show one (state, waits, incidents, variables, history)')
    .description(
      'Without KEY: the instances, oldest first (key, process, version, state, started, ended), ' +
        'narrowed by --process and --state. ' +
        'With KEY: the instance\'s state, what it waits on (with the key to act on it), its incidents and variables; ' +
        '--history adds its events in order (with --json: the instance plus a "history" array).',
    )
    .argument('[key]', 'a process instance key, as `baton start` prints it')
    .option('--history', 'also print the instance\'s events, in order')
    .option('--process <id>', 'without KEY: only instances of this process (BPMN process id)')
    .addOption(new Option('--state <state>', 'without KEY: only instances in this state').choices(['ACTIVE', 'COMPLETED', 'TERMINATED']));
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton instances --process order --state ACTIVE\n  $ baton instances 2251799813685251 --history\n  $ baton instances --json\n')
    .action(async (key: string | undefined, flags: InstancesFlags) =>
      againstNode(ctx, 'instances', flags, (client) => (key === undefined ? listInstances(ctx, client, flags) : showOne(ctx, client, key, flags))),
    );
}
