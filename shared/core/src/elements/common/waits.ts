import { timerDue, type EvalResult } from '@baton/feel';
import type { EventDefinition, JobDefinition } from '@baton/model';
import { effect, emit, nextKey, type Ctx } from '../../context.js';
import type { Variables } from '../../types/commands.js';
import type { MessageWait, TimerWait, Wait } from '../../types/state.js';
import { closeConditionsOf, openCondition } from './conditions.js';
import { evaluateNumber, evaluateString } from './expressions.js';

/** Who owns a wait: the element instance that waits (or the process, for its event subprocess starts). */
export interface WaitOwner {
  readonly elementInstanceId: string;
  /** The model element the wait triggers (the element itself, a boundary event, a start event, a gateway target). */
  readonly elementId: string;
}

const ok: EvalResult<undefined> = { ok: true, value: undefined };

/** Open a job for a worker of the evaluated type, and put it on the queue. */
export function openJob(ctx: Ctx, owner: WaitOwner, job: JobDefinition, variables: Variables): EvalResult<undefined> {
  const jobType = evaluateString(ctx.at, job.type, variables, 'job type', owner.elementId);
  if (!jobType.ok) return jobType;
  const retries = evaluateNumber(ctx.at, job.retries, variables, 'job retries', owner.elementId);
  if (!retries.ok) return retries;
  const jobKey = nextKey(ctx);
  const wait = {
    kind: 'job' as const,
    ...owner,
    createdAt: ctx.at,
    jobKey,
    jobType: jobType.value,
    retries: retries.value,
    customHeaders: job.headers,
    state: 'activatable' as const,
  };
  emit(ctx, { type: 'JobCreated', ...owner, job: wait });
  effect(ctx, { type: 'EnqueueJob', jobKey, instanceId: ctx.draft.instanceId, ...owner, jobType: wait.jobType, retries: wait.retries, customHeaders: job.headers });
  return ok;
}

/** Open the wait a catch event definition needs (timer, message, signal); other kinds need none. */
export function openEventWait(ctx: Ctx, owner: WaitOwner, event: EventDefinition, variables: Variables): EvalResult<undefined> {
  switch (event.type) {
    case 'timer':
      return openTimer(ctx, owner, event, variables);
    case 'message':
      return openMessage(ctx, owner, event, variables);
    case 'signal': {
      const signalName = evaluateString(ctx.at, event.signalName, variables, 'signal name', owner.elementId);
      if (!signalName.ok) return signalName;
      const subscription = { kind: 'signal' as const, ...owner, createdAt: ctx.at, subscriptionKey: nextKey(ctx), signalName: signalName.value };
      emit(ctx, { type: 'SignalSubscriptionOpened', ...owner, subscription });
      return ok;
    }
    case 'conditional':
      openCondition(ctx, owner, event, variables);
      return ok;
    case 'error':
    case 'escalation':
    case 'terminate':
    case 'link':
    case 'compensation':
    case 'cancel':
      return ok;
  }
}

function openTimer(ctx: Ctx, owner: WaitOwner, event: Extract<EventDefinition, { type: 'timer' }>, variables: Variables): EvalResult<undefined> {
  const definition: { timeDuration?: string; timeDate?: string; timeCycle?: string } = {};
  if (event.timeDuration !== undefined) definition.timeDuration = event.timeDuration;
  if (event.timeDate !== undefined) definition.timeDate = event.timeDate;
  if (event.timeCycle !== undefined) definition.timeCycle = event.timeCycle;
  const due = timerDue(definition, variables, ctx.at);
  if (!due.ok) return { ok: false, message: `Failed to evaluate the timer of element '${owner.elementId}': ${due.message}` };
  scheduleTimer(ctx, owner, due.value.dueAt, due.value.repetitionsLeft);
  return ok;
}

/** Schedule a timer wait and its effect. */
export function scheduleTimer(ctx: Ctx, owner: WaitOwner, dueAt: number, repetitionsLeft?: number): void {
  const timerKey = nextKey(ctx);
  const timer: { -readonly [K in keyof TimerWait]: TimerWait[K] } = { kind: 'timer', ...owner, createdAt: ctx.at, timerKey, dueAt };
  if (repetitionsLeft !== undefined) timer.repetitionsLeft = repetitionsLeft;
  emit(ctx, { type: 'TimerScheduled', ...owner, timer });
  effect(ctx, { type: 'ScheduleTimer', timerKey, instanceId: ctx.draft.instanceId, elementId: owner.elementId, dueAt });
}

/** A message subscription; the correlation key is evaluated now and kept as a string. */
export function openMessage(
  ctx: Ctx,
  owner: WaitOwner,
  message: { readonly messageName: string; readonly correlationKey?: string },
  variables: Variables,
): EvalResult<undefined> {
  const messageName = evaluateString(ctx.at, message.messageName, variables, 'message name', owner.elementId);
  if (!messageName.ok) return messageName;
  let correlationKey: string | undefined;
  if (message.correlationKey !== undefined) {
    const key = evaluateString(ctx.at, message.correlationKey, variables, 'correlation key', owner.elementId);
    if (!key.ok) return key;
    correlationKey = key.value;
  }
  const subscription: { -readonly [K in keyof MessageWait]: MessageWait[K] } = {
    kind: 'message',
    ...owner,
    createdAt: ctx.at,
    subscriptionKey: nextKey(ctx),
    messageName: messageName.value,
  };
  if (correlationKey !== undefined) subscription.correlationKey = correlationKey;
  emit(ctx, { type: 'MessageSubscriptionOpened', ...owner, subscription });
  return ok;
}

/** Close one open wait, with the effect that withdraws it from its port. */
export function closeWait(ctx: Ctx, wait: Wait): void {
  const owner = { elementId: wait.elementId, elementInstanceId: wait.elementInstanceId };
  switch (wait.kind) {
    case 'job':
      emit(ctx, { type: 'JobCancelled', ...owner, jobKey: wait.jobKey });
      return effect(ctx, { type: 'CancelJob', jobKey: wait.jobKey, jobType: wait.jobType });
    case 'userTask':
      return emit(ctx, { type: 'UserTaskCancelled', ...owner, userTaskKey: wait.userTaskKey });
    case 'timer':
      emit(ctx, { type: 'TimerCancelled', ...owner, timerKey: wait.timerKey });
      return effect(ctx, { type: 'CancelTimer', timerKey: wait.timerKey });
    case 'message':
      return emit(ctx, { type: 'MessageSubscriptionClosed', ...owner, subscriptionKey: wait.subscriptionKey });
    case 'signal':
      return emit(ctx, { type: 'SignalSubscriptionClosed', ...owner, subscriptionKey: wait.subscriptionKey });
  }
}

/** Close every wait (and conditional event subscription) an element instance owns, or only those `only` accepts. */
export function closeWaitsOf(ctx: Ctx, elementInstanceId: string, only?: (wait: { readonly elementId: string }) => boolean): void {
  const owned: Wait[] = [];
  for (const key in ctx.draft.waits) {
    const wait = ctx.draft.waits[key] as Wait;
    if (wait.elementInstanceId === elementInstanceId && (only === undefined || only(wait))) owned.push(wait);
  }
  for (const wait of owned) closeWait(ctx, wait);
  closeConditionsOf(ctx, elementInstanceId, only);
}
