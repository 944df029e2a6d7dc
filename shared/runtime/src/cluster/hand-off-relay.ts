import type { JobWorker } from '../engine/engine-types.js';
import type { MessageBus } from '../ports/message-bus.js';
import { createHandOffWorker } from './hand-off.js';
import type { ClusterMembership } from './membership.js';
import type { PeerInfo } from './peer-view.js';
import { storeCapability } from './subjects.js';

/** Options of {@link startHandOffRelay}. */
export interface HandOffRelayOptions {
  readonly bus: MessageBus;
  readonly membership: ClusterMembership;
  /** Job types this node runs itself: never relayed. */
  readonly localCapabilities: readonly string[];
  /** Starts consuming the queues of these workers, until the engine closes (the engine's `startWorkers`). */
  readonly startWorkers: (workers: Readonly<Record<string, JobWorker>>) => void;
  /** See {@link HandOffWorkerOptions.timeoutMs}. Default 30 000. */
  readonly timeoutMs?: number;
  /** See {@link HandOffWorkerOptions.retryBackOffMs}. */
  readonly retryBackOffMs?: number;
}

/** A running relay: which job types it serves for store-less peers. */
export interface HandOffRelay {
  relayed(): readonly string[];
  /** Relays no more new job types; the workers started stop with the engine. */
  stop(): void;
}

/**
 * Runs on a node with the store: for every job type announced by a peer without
 * the store (an edge node), consumes that job type's queue and hands each job to
 * the capable peers (see `createHandOffWorker`). A relay, once started, stays for
 * the node's life: when the edge node is gone its jobs fail with `NO_CAPABLE_NODE`,
 * are retried while they have retries, then become incidents; they are never run
 * on a node without the capability.
 */
export function startHandOffRelay(options: HandOffRelayOptions): HandOffRelay {
  const { membership } = options;
  const relayed = new Set<string>();
  const worker = createHandOffWorker({
    bus: options.bus,
    subjects: membership.subjects,
    nodeId: membership.self.nodeId,
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.retryBackOffMs === undefined ? {} : { retryBackOffMs: options.retryBackOffMs }),
  });
  const relayFor = (peer: PeerInfo): void => {
    if (peer.capabilities.includes(storeCapability)) return;
    const fresh = peer.capabilities.filter((c) => c !== storeCapability && !options.localCapabilities.includes(c) && !relayed.has(c));
    if (fresh.length === 0) return;
    for (const c of fresh) relayed.add(c);
    options.startWorkers(Object.fromEntries(fresh.map((c) => [c, worker])));
  };
  const removeListener = membership.view.onPeerJoined(relayFor);
  for (const peer of membership.view.peers()) relayFor(peer);
  return {
    relayed: () => [...relayed].sort(),
    stop: () => void removeListener(),
  };
}
