import { nextCycleDue } from '@baton/feel';
import { elementAt, emit, type Ctx } from '../context.js';
import { completeWithVariables } from '../elements/common/complete.js';
import { visibleFrom } from '../elements/common/variables.js';
import { closeWait, scheduleTimer } from '../elements/common/waits.js';
import { triggerEventSubprocess } from '../elements/containers/event-subprocess.js';
import { triggerBoundary } from '../elements/events/boundary-event.js';
import { triggerEventBasedGateway } from '../elements/gateways/event-based-gateway.js';
import type { CorrelateMessage, FireTimer, TriggerSignal, Variables } from '../types/commands.js';
import type { Rejection } from '../types/decision.js';
import type { TimerWait, Wait } from '../types/state.js';
import { rejection } from './rejection.js';
import { waitKeyOf } from '../wait-key.js';

function stale(kind: string, key: string): Rejection {
  return rejection('STALE_COMMAND', `Expected an open ${kind} with key '${key}' but found none; it already fired or its element ended.`, { key });
}

/**
 * A wait triggered: route it to what it belongs to — a boundary event, an event
 * subprocess start, a branch of an event-based gateway, or the waiting element.
 */
function dispatchTrigger(ctx: Ctx, wait: Wait, variables: Variables): void {
  const element = elementAt(ctx, wait.elementId);
  const owner = ctx.draft.elementInstances[wait.elementInstanceId];
  if (element.type === 'boundaryEvent' && owner !== undefined) return triggerBoundary(ctx, element, owner, variables);
  if (element.type === 'startEvent') return triggerEventSubprocess(ctx, element, owner?.elementInstanceId, variables);
  if (owner === undefined) return;
  if (owner.elementType === 'eventBasedGateway' && owner.elementId !== element.elementId) {
    return triggerEventBasedGateway(ctx, owner, element.elementId, variables);
  }
  if (ctx.draft.waits[waitKeyOf(wait)] !== undefined) closeWait(ctx, wait);
  completeWithVariables(ctx, owner.elementInstanceId, variables);
}


/** A non-interrupting cycle (boundary or event subprocess start) schedules its next repetition. */
function repeatCycle(ctx: Ctx, timer: TimerWait): void {
  if (timer.repetitionsLeft === undefined || timer.repetitionsLeft === 0) return;
  const element = elementAt(ctx, timer.elementId);
  if (element.type !== 'boundaryEvent' && element.type !== 'startEvent') return;
  const interrupting = element.type === 'boundaryEvent' ? element.cancelActivity : element.isInterrupting;
  if (interrupting || element.event?.type !== 'timer' || element.event.timeCycle === undefined) return;
  const ownerAlive = ctx.draft.elementInstances[timer.elementInstanceId] !== undefined || timer.elementInstanceId === ctx.draft.instanceId;
  if (!ownerAlive || ctx.draft.status !== 'active') return;
  const next = nextCycleDue(element.event.timeCycle, visibleFrom(ctx.draft, timer.elementInstanceId), timer.dueAt, timer.repetitionsLeft);
  if (!next.ok || next.value === undefined) return;
  scheduleTimer(ctx, { elementId: timer.elementId, elementInstanceId: timer.elementInstanceId }, next.value.dueAt, next.value.repetitionsLeft);
}

/** A timer is due. */
export function fireTimer(ctx: Ctx, command: FireTimer): Rejection | undefined {
  const wait = ctx.draft.waits[command.timerKey];
  if (wait?.kind !== 'timer') return stale('timer', command.timerKey);
  emit(ctx, { type: 'TimerFired', elementId: wait.elementId, elementInstanceId: wait.elementInstanceId, timerKey: wait.timerKey });
  dispatchTrigger(ctx, wait, {});
  repeatCycle(ctx, wait);
  return undefined;
}

/** A published message reached one of this instance's subscriptions. */
export function correlateMessage(ctx: Ctx, command: CorrelateMessage): Rejection | undefined {
  const wait = ctx.draft.waits[command.subscriptionKey];
  if (wait?.kind !== 'message') return stale('message subscription', command.subscriptionKey);
  const owner = { elementId: wait.elementId, elementInstanceId: wait.elementInstanceId };
  emit(ctx, { type: 'MessageCorrelated', ...owner, subscriptionKey: wait.subscriptionKey, messageName: command.messageName, variables: command.variables });
  dispatchTrigger(ctx, wait, command.variables);
  return undefined;
}

/** A broadcast signal reached one of this instance's subscriptions. */
export function triggerSignal(ctx: Ctx, command: TriggerSignal): Rejection | undefined {
  const wait = ctx.draft.waits[command.subscriptionKey];
  if (wait?.kind !== 'signal') return stale('signal subscription', command.subscriptionKey);
  const owner = { elementId: wait.elementId, elementInstanceId: wait.elementInstanceId };
  emit(ctx, { type: 'SignalTriggered', ...owner, subscriptionKey: wait.subscriptionKey, signalName: command.signalName, variables: command.variables });
  dispatchTrigger(ctx, wait, command.variables);
  return undefined;
}
