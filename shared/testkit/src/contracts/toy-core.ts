import { waitKeyOf, type Command, type Decision, type Effect, type InstanceState, type Variables, type Wait } from '@baton/core';
import type { ProcessDefinition } from '@baton/model';
import type { DecideFn, HistoryEvent } from '@baton/runtime';

/**
 * A tiny stand-in for the core, for shell tests (the real core is tested on its own): an instance opens the waits listed
 * in `variables.waits`, emits `variables.effects` on creation, calls
 * `variables.callProcess` as a child (which opens `variables.childWaits`), and completes when its last wait resolves.
 */
type ToyDecision = Decision<HistoryEvent>;

const reject = (code: 'STALE_COMMAND' | 'JOB_NOT_OPEN' | 'INSTANCE_NOT_ACTIVE', message: string): ToyDecision => ({
  ok: false,
  rejection: { code, message, details: {} },
});

export const toyDefinition = (processId = 'toy', version = 1): ProcessDefinition => ({
  processId,
  definitionKey: `${processId}:${version}`,
  version,
  isExecutable: true,
  elements: {},
  flows: {},
  scopes: {},
  startEventIds: [],
  linkTargets: {},
});

function create(command: Extract<Command, { type: 'CreateInstance' }>, definition: ProcessDefinition): ToyDecision {
  const { waits = [], effects = [], callProcess, childWaits, ...rest } = command.variables as Variables & {
    waits?: Wait[];
    effects?: Effect[];
    callProcess?: string;
    childWaits?: Wait[];
  };
  const state: InstanceState = {
    instanceId: command.instanceId,
    processId: definition.processId,
    definitionKey: definition.definitionKey,
    status: 'active',
    seq: 1,
    startedAt: command.at,
    ...(command.parent === undefined ? {} : { parent: command.parent }),
    elementInstances: callProcess === undefined ? {} : { call: { elementInstanceId: 'call', elementId: 'callActivity' } },
    variables: { root: rest },
    waits: Object.fromEntries(waits.map((w) => [waitKeyOf(w), w])),
    incidents: {},
  };
  const childEffects: Effect[] =
    callProcess === undefined
      ? []
      : [
          {
            type: 'StartChildInstance',
            childInstanceId: `${command.instanceId}.child`,
            processId: callProcess,
            variables: { ...rest, waits: (childWaits ?? []).map((w) => ({ ...w, ...rekey(w, `${command.instanceId}.child`) })) },
            parent: {
              instanceId: command.instanceId,
              elementInstanceId: 'call',
              elementId: 'callActivity',
              rootInstanceId: command.parent?.rootInstanceId ?? command.instanceId,
            },
          },
        ];
  const events = [{ type: 'InstanceCreated', instanceId: command.instanceId }];
  return { ok: true, state, events, effects: [...effects, ...childEffects] };
}

/** A child's copy of a wait gets keys of its own (keys are unique across instances). */
function rekey(wait: Wait, prefix: string): Partial<Wait> {
  const key = `${prefix}.${waitKeyOf(wait)}`;
  switch (wait.kind) {
    case 'job':
      return { jobKey: key };
    case 'userTask':
      return { userTaskKey: key };
    case 'timer':
      return { timerKey: key };
    default:
      return { subscriptionKey: key };
  }
}


/** Closes one wait (or the call activity); completes the instance when nothing is left open. */
function resolve(state: InstanceState, key: string, variables: Variables, at: number): ToyDecision {
  const { [key]: _closed, ...waits } = state.waits;
  const { [key]: _call, ...elementInstances } = state.elementInstances;
  const isDone = Object.keys(waits).length === 0 && Object.keys(elementInstances).length === 0;
  const next: InstanceState = {
    ...state,
    seq: state.seq + 1,
    waits,
    elementInstances,
    variables: { ...state.variables, root: { ...state.variables['root'], ...variables } },
    ...(isDone ? { status: 'completed' as const, endedAt: at } : {}),
  };
  const events: HistoryEvent[] = [{ type: 'WaitResolved', instanceId: state.instanceId, key } as HistoryEvent];
  if (isDone) events.push({ type: 'InstanceCompleted', instanceId: state.instanceId });
  const effects: Effect[] =
    isDone && state.parent !== undefined
      ? [{ type: 'NotifyParent', parent: state.parent, childInstanceId: state.instanceId, outcome: { type: 'completed', variables: next.variables['root'] ?? {} } }]
      : [];
  return { ok: true, state: next, events, effects };
}

function cancel(state: InstanceState, at: number): ToyDecision {
  const effects: Effect[] = Object.values(state.waits).flatMap((w): Effect[] =>
    w.kind === 'job' ? [{ type: 'CancelJob', jobKey: w.jobKey, jobType: w.jobType }] : w.kind === 'timer' ? [{ type: 'CancelTimer', timerKey: w.timerKey }] : [],
  );
  if (state.elementInstances['call'] !== undefined) effects.push({ type: 'CancelChildInstance', childInstanceId: `${state.instanceId}.child` });
  const next: InstanceState = { ...state, status: 'terminated', endedAt: at, waits: {}, elementInstances: {} };
  return { ok: true, state: next, events: [{ type: 'InstanceCancelled', instanceId: state.instanceId }], effects };
}

/** The toy core's decide. */
export const toyDecide: DecideFn = (state, command, definition) => {
  if (command.type === 'CreateInstance') return create(command, definition);
  if (state === undefined) throw new Error('toy core: no state');
  if (state.status !== 'active') return reject('INSTANCE_NOT_ACTIVE', `instance ${state.instanceId} ended`);
  const open = (key: string, code: 'STALE_COMMAND' | 'JOB_NOT_OPEN' = 'STALE_COMMAND'): ToyDecision | undefined =>
    state.waits[key] === undefined && state.elementInstances[key] === undefined ? reject(code, `${key} is not open`) : undefined;
  switch (command.type) {
    case 'CompleteJob':
    case 'ThrowError':
      return open(command.jobKey, 'JOB_NOT_OPEN') ?? resolve(state, command.jobKey, command.variables, command.at);
    case 'FailJob':
      return open(command.jobKey, 'JOB_NOT_OPEN') ?? failJob(state, command);
    case 'CompleteUserTask':
      return open(command.userTaskKey) ?? resolve(state, command.userTaskKey, command.variables, command.at);
    case 'CorrelateMessage':
    case 'TriggerSignal':
      return open(command.subscriptionKey) ?? resolve(state, command.subscriptionKey, command.variables, command.at);
    case 'FireTimer':
      return open(command.timerKey) ?? resolve(state, command.timerKey, {}, command.at);
    case 'CompleteCallActivity':
      return open(command.elementInstanceId) ?? resolve(state, command.elementInstanceId, command.outcome.type === 'completed' ? command.outcome.variables : {}, command.at);
    case 'CancelInstance':
      return cancel(state, command.at);
    default:
      return reject('STALE_COMMAND', `toy core does not handle ${command.type}`);
  }
};

function failJob(state: InstanceState, command: Extract<Command, { type: 'FailJob' }>): ToyDecision {
  const wait = state.waits[command.jobKey];
  if (wait?.kind !== 'job') return reject('JOB_NOT_OPEN', 'not a job');
  const failed = { ...wait, retries: command.retries, state: command.retries > 0 ? ('activatable' as const) : ('failed' as const) };
  const next: InstanceState = { ...state, seq: state.seq + 1, waits: { ...state.waits, [command.jobKey]: failed } };
  const effects: Effect[] =
    command.retries > 0
      ? [
          {
            type: 'EnqueueJob',
            jobKey: wait.jobKey,
            instanceId: state.instanceId,
            elementId: wait.elementId,
            elementInstanceId: wait.elementInstanceId,
            jobType: wait.jobType,
            retries: command.retries,
            customHeaders: wait.customHeaders,
            notBefore: command.at + (command.retryBackOffMs ?? 0),
          },
        ]
      : [];
  return { ok: true, state: next, events: [{ type: 'JobFailed', instanceId: state.instanceId, key: command.jobKey } as HistoryEvent], effects };
}
