import type { InstanceEvent } from '@baton/core';
import type { BusMessage } from '@baton/runtime';

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
