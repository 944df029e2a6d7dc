import type { InstanceEvent } from '@baton/core';
import type { BusMessage } from '@baton/runtime';
import type { BenchCase } from '../cases.js';
import type { BenchSystem } from '../system.js';

/** A started instance the bench waits for. */
export interface Pending {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** What the engine publishes on `baton.<cluster>.events.<processId>` per commit. */
interface CommittedEvents {
  readonly instanceId: string;
  readonly events: readonly InstanceEvent[];
}

/**
 * The bus handler that settles `pending` instances from their committed events:
 * `InstanceCompleted` resolves; an incident or termination rejects with the event.
 */
export function settleOnEvents(pending: Map<string, Pending>, processId: string): (message: BusMessage) => void {
  return (message) => {
    const { instanceId, events } = message.data as CommittedEvents;
    const waiter = pending.get(instanceId);
    if (waiter === undefined) return;
    for (const event of events) {
      if (event.type === 'InstanceCompleted') {
        pending.delete(instanceId);
        waiter.resolve();
      } else if (event.type === 'IncidentRaised' || event.type === 'InstanceTerminated') {
        pending.delete(instanceId);
        waiter.reject(new Error(`Instance ${instanceId} of ${processId}: ${event.type} ${JSON.stringify(event)}`));
      }
    }
  };
}

/** What a Baton bench row needs of an engine (in memory or on Redis). */
interface RunnableEngine {
  startInstance(request: { readonly processId: string; readonly instanceId: string; readonly variables: Record<string, unknown> }): Promise<unknown>;
  getHistory(instanceId: string, page: { readonly limit: number }): Promise<{ readonly items: readonly { readonly event: { readonly type: string; readonly elementId?: string } }[] }>;
}

/**
 * `runOne` and `traceOne` of a Baton row: start an instance named `<idPrefix>-<n>` and
 * wait until `pending` settles it (see {@link settleOnEvents}); `failure()` is the
 * engine error that stops the row, if any.
 */
export function batonRuns(
  engine: RunnableEngine,
  benchCase: BenchCase,
  pending: Map<string, Pending>,
  idPrefix: string,
  failure: () => Error | undefined,
): Pick<BenchSystem, 'runOne' | 'traceOne'> {
  let count = 0;
  const run = async (): Promise<string> => {
    const failed = failure();
    if (failed !== undefined) throw failed;
    const instanceId = `${idPrefix}-${++count}`;
    const done = new Promise<void>((resolve, reject) => pending.set(instanceId, { resolve, reject }));
    await engine.startInstance({ processId: benchCase.processId, instanceId, variables: { ...benchCase.variables } });
    await done;
    return instanceId;
  };
  return {
    runOne: async () => {
      await run();
    },
    traceOne: async () => {
      const history = await engine.getHistory(await run(), { limit: 10_000 });
      return history.items.flatMap(({ event }) => (event.type === 'ElementCompleted' && event.elementId !== undefined ? [event.elementId] : []));
    },
  };
}
