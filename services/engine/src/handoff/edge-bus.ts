import { BatonError } from '@baton/errors';
import { createInMemoryMessageBus } from '@baton/memory';
import type { Clock, MessageBus } from '@baton/runtime';

/** The store choice that makes an edge node: no store, no queue, only the bus. */
export const noStore = 'none';

/** A change in the connection to the bus server (NATS), for logs and readiness. */
export type BusConnectionChange = 'disconnected' | 'reconnecting' | 'reconnected';

/**
 * A node's bus from `--bus`: `memory` (this process only), `nats://host:port`
 * (several separated by commas) or `faye+http://host:port/bayeux` (the token comes from
 * `BATON_FAYE_TOKEN`). Throws `VALIDATION_FAILED` for anything else.
 */
export async function createBusFromUrl(
  url: string | undefined,
  nodeId: string,
  clock: Clock,
  onError: (error: unknown) => void,
  onConnectionChange?: (change: BusConnectionChange) => void,
): Promise<MessageBus> {
  const choice = url ?? 'memory';
  if (choice === 'memory') return createInMemoryMessageBus({ clock, onError });
  if (choice.startsWith('nats://')) {
    const { createNatsMessageBus } = await import('@baton/nats');
    return createNatsMessageBus({ url: choice, name: nodeId, onError, ...(onConnectionChange === undefined ? {} : { onConnectionChange }) });
  }
  if (/^faye\+https?:\/\//.test(choice)) {
    const { createFayeMessageBus } = await import('@baton/faye');
    const token = process.env['BATON_FAYE_TOKEN'];
    return createFayeMessageBus({ url: choice.slice('faye+'.length), clock, onError, ...(token ? { token } : {}) });
  }
  throw new BatonError(
    'VALIDATION_FAILED',
    `Option "bus" (--bus / BATON_BUS) is "${choice}", which this build does not support; use memory, nats://host:port or faye+http://host:port/bayeux.`,
    { field: 'bus', value: choice, supported: ['memory', 'nats://', 'faye+http://'] },
  );
}
