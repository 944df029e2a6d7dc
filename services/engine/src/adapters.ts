import { BatonError } from '@baton/errors';
import { createInMemoryJobQueue, createInMemoryMessageBus, createInMemoryProcessStore } from '@baton/memory';
import type { Clock, JobQueue, MessageBus, ProcessStore } from '@baton/runtime';

/** Adapter names a node accepts for each port. Redis, NATS and Faye arrive later (issue 4). */
export const supportedAdapters = { store: ['memory'], queue: ['memory'], bus: ['memory'] } as const;

export type PortName = keyof typeof supportedAdapters;

/** The ports an engine runs on; `close` releases all three. */
export interface NodeAdapters {
  readonly store: ProcessStore;
  readonly queue: JobQueue;
  readonly bus: MessageBus;
  close(): Promise<void>;
}

/** Which adapter to use for each port, as named by `--store/BATON_STORE` and friends. */
export interface AdapterChoice {
  readonly store?: string;
  readonly queue?: string;
  readonly bus?: string;
}

function check(port: PortName, value: string): void {
  const supported: readonly string[] = supportedAdapters[port];
  if (supported.includes(value)) return;
  const flag = `--${port}`;
  const env = `BATON_${port.toUpperCase()}`;
  throw new BatonError(
    'VALIDATION_FAILED',
    `Option "${port}" (${flag} / ${env}) is "${value}", which this build does not support; supported: ${supported.join(', ')}.`,
    { field: port, value, supported },
  );
}

/** Builds the chosen adapters, after checking every name (so nothing is built when one is wrong). */
export function createAdapters(choice: AdapterChoice, clock: Clock, onError: (error: unknown) => void): NodeAdapters {
  const store = choice.store ?? 'memory';
  const queue = choice.queue ?? 'memory';
  const bus = choice.bus ?? 'memory';
  check('store', store);
  check('queue', queue);
  check('bus', bus);
  const adapters = {
    store: createInMemoryProcessStore(),
    queue: createInMemoryJobQueue({ clock, onError }),
    bus: createInMemoryMessageBus({ clock }),
  };
  return {
    ...adapters,
    async close() {
      await adapters.queue.close();
      await adapters.bus.close();
      await adapters.store.close();
    },
  };
}
