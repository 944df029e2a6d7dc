import type { Effect } from '@baton/core';
import { assertNever } from './assert-never.js';
import { isBatonError } from '@baton/errors';
import type { ExecuteRequest, ExecuteResult, FreshCommit } from './command-processor.js';
import type { Clock } from './ports/clock.js';
import type { JobQueue } from './ports/job-queue.js';
import type { EffectEntry, VersionedState } from './ports/store-records.js';

export interface DispatchTargets {
  readonly queue: JobQueue;
  readonly clock: Clock;
  readonly execute: (request: ExecuteRequest) => Promise<ExecuteResult>;
  readonly newCommandId: () => string;
  /** The definition key of the latest version of `processId`; throws DEFINITION_NOT_FOUND. */
  readonly latestDefinitionKey: (processId: string) => Promise<string>;
  /** Every subscription named `signalName` reacts, except those of `excludeInstanceId`; signal start events start instances. */
  readonly broadcastSignal: (signalName: string, variables: Readonly<Record<string, unknown>>, excludeInstanceId?: string) => Promise<unknown>;
  /** Reads an instance as stored (the parent, after a child was started). */
  readonly load: (instanceId: string) => Promise<VersionedState | undefined>;
}

/**
 * Codes that mean the effect's command already happened (the child exists, the
 * parent's wait closed, the child ended): running an effect twice must be harmless.
 */
const alreadyDone = new Set(['STALE_COMMAND', 'INSTANCE_NOT_ACTIVE', 'JOB_NOT_OPEN']);

/** Runs one outbox entry's effect on the ports, idempotently (keys are deterministic). */
export function createEffectDispatcher(targets: DispatchTargets): (entry: EffectEntry, fresh?: FreshCommit) => Promise<void> {
  return async (entry, fresh) => {
    try {
      await dispatchEffect(entry.effect, targets, fresh);
    } catch (error) {
      if (isBatonError(error) && alreadyDone.has(error.code)) return;
      throw error;
    }
  };
}

async function dispatchEffect(effect: Effect, targets: DispatchTargets, fresh: FreshCommit | undefined): Promise<void> {
  const { queue } = targets;
  switch (effect.type) {
    case 'EnqueueJob': {
      const { jobKey, instanceId, elementId, elementInstanceId, jobType, retries, customHeaders, notBefore } = effect;
      const payload = { jobKey, instanceId, elementId, elementInstanceId, jobType, retries, customHeaders };
      // A retry (same key, queued before) or a sweep never goes eager: the job may be held elsewhere.
      const eager = notBefore === undefined && fresh?.newJobKeys.has(jobKey) === true;
      await queue.enqueue({ jobId: jobKey, capability: jobType, payload, ...(notBefore === undefined ? {} : { notBefore }), ...(eager ? { eager } : {}) });
      return;
    }
    case 'CancelJob':
      await queue.cancel(effect.jobKey, effect.jobType);
      return;
    case 'ScheduleTimer': {
      const { timerKey, dueAt, instanceId, elementId } = effect;
      await queue.scheduleTimer({ kind: 'instance', timerKey, dueAt, instanceId, elementId });
      return;
    }
    case 'CancelTimer':
      await queue.cancelTimer(effect.timerKey);
      return;
    case 'BroadcastSignal':
      // The thrower's own subscriptions reacted in the decide that threw it (as in Zeebe); skip them here.
      await targets.broadcastSignal(effect.signalName, effect.variables, effect.excludeInstanceId);
      return;
    case 'StartChildInstance':
      await startChild(effect, targets);
      return;
    case 'NotifyParent':
      await targets.execute({
        instanceId: effect.parent.instanceId,
        command: {
          type: 'CompleteCallActivity',
          commandId: targets.newCommandId(),
          at: targets.clock.now(),
          elementInstanceId: effect.parent.elementInstanceId,
          childInstanceId: effect.childInstanceId,
          outcome: effect.outcome,
        },
      });
      return;
    case 'CancelChildInstance':
      // INSTANCE_NOT_FOUND: the child is not created yet; its starter cancels it once it is (see startChild).
      await cancelInstance(effect.childInstanceId, targets, 'INSTANCE_NOT_FOUND');
      return;
    default:
      assertNever(effect);
  }
}

/** Starts the child at the latest version; with no such process the parent's call activity gets an incident. */
async function startChild(effect: Extract<Effect, { type: 'StartChildInstance' }>, targets: DispatchTargets): Promise<void> {
  let definitionKey: string;
  try {
    definitionKey = await targets.latestDefinitionKey(effect.processId);
  } catch (error) {
    if (!isBatonError(error) || error.code !== 'DEFINITION_NOT_FOUND') throw error;
    await targets.execute({
      instanceId: effect.parent.instanceId,
      command: {
        type: 'CompleteCallActivity',
        commandId: targets.newCommandId(),
        at: targets.clock.now(),
        elementInstanceId: effect.parent.elementInstanceId,
        childInstanceId: effect.childInstanceId,
        outcome: { type: 'notStarted', errorMessage: error.message },
      },
    });
    return;
  }
  try {
    await targets.execute({
      instanceId: effect.childInstanceId,
      definitionKey,
      command: {
        type: 'CreateInstance',
        commandId: targets.newCommandId(),
        at: targets.clock.now(),
        instanceId: effect.childInstanceId,
        variables: effect.variables,
        parent: effect.parent,
      },
    });
  } catch (error) {
    // Created by an earlier dispatch of this effect, which may have died before the check below.
    if (!isBatonError(error) || error.code !== 'STALE_COMMAND') throw error;
  }
  await cancelIfOrphaned(effect, targets);
}

/**
 * The parent may have left the call activity (cancelled, interrupted) while its
 * child was being created; its CancelChildInstance then found no child. The child's
 * create commits before this reads the parent, and the parent's leaving commits
 * before its CancelChildInstance reads the child, so one side always sees the
 * other: no child outlives its call activity (test/concurrency, race 15).
 */
async function cancelIfOrphaned(effect: Extract<Effect, { type: 'StartChildInstance' }>, targets: DispatchTargets): Promise<void> {
  const parent = await targets.load(effect.parent.instanceId);
  // The call activity's element instance is the one waiting for this child; it is gone once it ended.
  if (parent?.state.status === 'active' && parent.state.elementInstances[effect.parent.elementInstanceId] !== undefined) return;
  await cancelInstance(effect.childInstanceId, targets, 'INSTANCE_NOT_ACTIVE');
}

/** Cancels an instance; `tolerated` is the refusal that means there is nothing to cancel. */
async function cancelInstance(instanceId: string, targets: DispatchTargets, tolerated: string): Promise<void> {
  try {
    await targets.execute({ instanceId, command: { type: 'CancelInstance', commandId: targets.newCommandId(), at: targets.clock.now() } });
  } catch (error) {
    if (!isBatonError(error) || error.code !== tolerated) throw error;
  }
}
