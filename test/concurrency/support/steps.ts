import { waitKeyOf, type InstanceState, type Wait } from '@baton/core';
import type { Engine, ExecuteResult, ProcessStore } from '@baton/runtime';
import { expect } from 'vitest';

let fired = 0;

/**
 * Fires an instance timer on `engine` as its timer handler does when the queue
 * delivers it (the handler then drops the refusals of a late timer: STALE_COMMAND,
 * INSTANCE_NOT_ACTIVE). Driven by hand so the test, not wall time, decides when.
 */
export function fireTimer(engine: Engine, instanceId: string, timerKey: string): Promise<ExecuteResult> {
  const command = { type: 'FireTimer', commandId: `${engine.nodeId}-timer-${++fired}`, at: engine.clock.now(), timerKey } as const;
  return engine.execute({ instanceId, command });
}

/** The open waits of `elementId`, oldest first. */
export async function waitsAt(store: ProcessStore, instanceId: string, elementId: string): Promise<Wait[]> {
  const loaded = await store.load(instanceId);
  return Object.values(loaded?.state.waits ?? {}).filter((w) => w.elementId === elementId);
}

/** The key of the one open wait of `elementId` (job, user task, timer or subscription key). */
export async function waitKeyAt(store: ProcessStore, instanceId: string, elementId: string): Promise<string> {
  const waits = await waitsAt(store, instanceId, elementId);
  expect(waits, `one open wait at ${elementId}`).toHaveLength(1);
  return keyOf(waits[0] as Wait);
}

export const keyOf = waitKeyOf;

/** The process-level variables. */
export function rootVariables(state: InstanceState): Readonly<Record<string, unknown>> {
  return state.variables['root'] ?? {};
}

/** Completes the one user task waiting at `elementId`, so the test can see the instance run on to its end. */
export async function completeUserTaskAt(engine: Engine, store: ProcessStore, instanceId: string, elementId: string): Promise<InstanceState> {
  const userTaskKey = await waitKeyAt(store, instanceId, elementId);
  return (await engine.completeUserTask({ userTaskKey, instanceId })).state;
}
