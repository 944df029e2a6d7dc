import { BatonError } from '@baton/errors';
import { createInMemoryMessageBus } from '@baton/memory';
import type { Clock, MessageBus } from '@baton/runtime';

/** The store choice that makes an edge node: no store, no queue, only the bus. */
export const noStore = 'none';

/**
 * A node's bus from `--bus`: `memory` (this process only) or `nats://host:port`
 * (several separated by commas). Throws `VALIDATION_FAILED` for anything else.
 */
export async function createBusFromUrl(url: string | undefined, nodeId: string, clock: Clock, onError: (error: unknown) => void): Promise<MessageBus> {
  const choice = url ?? 'memory';
  if (choice === 'memory') return createInMemoryMessageBus({ clock, onError });
  if (choice.startsWith('nats://')) {
    const { createNatsMessageBus } = await import('@baton/nats');
    return createNatsMessageBus({ url: choice, name: nodeId, onError });
  }
  throw new BatonError(
    'VALIDATION_FAILED',
    `Option "bus" (--bus / BATON_BUS) is "${choice}", which this build does not support; use memory or nats://host:port.`,
    { field: 'bus', value: choice, supported: ['memory', 'nats://'] },
  );
}
