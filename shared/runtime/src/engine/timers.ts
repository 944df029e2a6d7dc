import type { Variables } from '@baton/core';
import { nextCycleDue } from '@baton/feel';
import { BatonError, isBatonError } from '@baton/errors';
import type { ExecuteResult } from '../command-processor.js';
import type { ScheduledTimer } from '../ports/job-queue.js';
import type { StartEventTarget } from '../ports/store-records.js';
import { startTimerKey } from './deployments.js';
import { stamp, type EngineContext } from './engine-context.js';

/** Refusals of a timer that fired late (its wait closed, its instance ended): nothing to do. */
const late = new Set(['STALE_COMMAND', 'INSTANCE_NOT_ACTIVE', 'INSTANCE_NOT_FOUND']);

/**
 * Handles a due timer from the queue: an instance timer becomes FireTimer; a timer
 * start event of the latest version starts an instance and schedules its next cycle.
 */
export function createTimerHandler(
  ctx: EngineContext,
  startAt: (target: StartEventTarget, variables: Variables) => Promise<ExecuteResult>,
): (timer: ScheduledTimer) => Promise<void> {
  return async (timer) => {
    if (timer.kind === 'instance') {
      const command = { type: 'FireTimer', ...stamp(ctx), timerKey: timer.timerKey } as const;
      try {
        await ctx.processor.execute({ instanceId: timer.instanceId, command });
      } catch (error) {
        if (!isBatonError(error) || !late.has(error.code)) throw error;
      }
      return;
    }
    const definition = await ctx.registry.get(timer.definitionKey);
    const latest = await ctx.store.latestDeployment(definition.processId);
    // A newer version replaced this one's timer start events.
    if (latest?.definitionKey !== timer.definitionKey) return;
    await startAt({ processId: definition.processId, definitionKey: timer.definitionKey, elementId: timer.elementId }, {});
    await scheduleNextCycle(ctx, timer, latest.startEvents);
  };
}

async function scheduleNextCycle(
  ctx: EngineContext,
  timer: Extract<ScheduledTimer, { kind: 'start' }>,
  startEvents: readonly { readonly kind: string; readonly elementId: string; readonly timeCycle?: string }[],
): Promise<void> {
  const start = startEvents.find((s) => s.elementId === timer.elementId);
  if (start?.timeCycle === undefined || timer.repetitionsLeft === undefined || timer.repetitionsLeft === 0) return;
  const next = nextCycleDue(start.timeCycle, {}, timer.dueAt, timer.repetitionsLeft);
  if (!next.ok) {
    throw new BatonError('EXPRESSION_FAILED', `Timer cycle "${start.timeCycle}" of "${timer.elementId}": ${next.message}`, {
      elementId: timer.elementId,
      definitionKey: timer.definitionKey,
    });
  }
  if (next.value === undefined) return;
  const { dueAt, repetitionsLeft } = next.value;
  await ctx.queue.scheduleTimer({
    kind: 'start',
    timerKey: startTimerKey(timer.definitionKey, timer.elementId, dueAt),
    dueAt,
    definitionKey: timer.definitionKey,
    elementId: timer.elementId,
    repetitionsLeft,
  });
}
