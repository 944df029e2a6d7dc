import type { Clock, ScheduledCallback } from '../ports/clock.js';
import type { BusSubscription, MessageBus } from '../ports/message-bus.js';
import { PeerView, toAnnouncement, type NodeAnnouncement } from './peer-view.js';
import { clusterSubjects, type ClusterSubjects } from './subjects.js';

/** Options of {@link joinCluster}. */
export interface ClusterMembershipOptions {
  readonly bus: MessageBus;
  readonly clock: Clock;
  /** Default `default`. */
  readonly cluster?: string;
  readonly nodeId: string;
  /** Job types this node runs, plus `store` when it can reach the store. */
  readonly capabilities: readonly string[];
  readonly url?: string;
  readonly version?: string;
  /** Period of the heartbeat on `clock`. Default 2 000 ms. */
  readonly heartbeatMs?: number;
  /** Failures to publish or to read an announcement (the bus is at most once: the next heartbeat repairs them). */
  readonly onError?: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
}

/** This node's place in its cluster: what it announces and what it knows of its peers. */
export interface ClusterMembership {
  readonly subjects: ClusterSubjects;
  /** What this node announces (with `status: 'up'`). */
  readonly self: NodeAnnouncement;
  readonly view: PeerView;
  /** Says it is leaving, stops the heartbeat and the subscription; idempotent. */
  leave(): Promise<void>;
}

/**
 * Joins the cluster on the bus: subscribes to every node's announcements, announces
 * this node now and every `heartbeatMs`, and announces again at once when it sees a
 * new peer (so a newcomer learns the cluster within one round trip instead of one
 * heartbeat). The bus delivers at most once; a lost announcement is repaired by the
 * next heartbeat, and peers expire after three missed ones.
 */
export async function joinCluster(options: ClusterMembershipOptions): Promise<ClusterMembership> {
  const { bus, clock, nodeId } = options;
  const onError = options.onError ?? (() => undefined);
  const subjects = clusterSubjects(options.cluster);
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const self: NodeAnnouncement = {
    nodeId,
    capabilities: [...new Set(options.capabilities)].sort(),
    status: 'up',
    heartbeatMs,
    ...(options.url === undefined ? {} : { url: options.url }),
    ...(options.version === undefined ? {} : { version: options.version }),
  };
  const view = new PeerView(clock, nodeId);
  const announce = (status: NodeAnnouncement['status']): Promise<void> =>
    bus.publish(subjects.node(nodeId), { ...self, status }).catch((error: unknown) => onError(error, { during: 'announce', status }));
  const subscription: BusSubscription = await bus.subscribe(subjects.allNodes, (message) => {
    const announcement = toAnnouncement(message.data);
    if (announcement === undefined) {
      onError(new Error(`Ignored a malformed node announcement on ${message.subject}.`), { subject: message.subject });
      return;
    }
    if (view.observe(announcement)) void announce('up');
  });
  let isLeaving = false;
  let next: ScheduledCallback | undefined;
  const beat = async (): Promise<void> => {
    if (isLeaving) return;
    await announce('up');
    next = clock.schedule(clock.now() + heartbeatMs, beat);
  };
  await beat();
  let leaving: Promise<void> | undefined;
  return {
    subjects,
    self,
    view,
    leave: () =>
      (leaving ??= (async () => {
        isLeaving = true;
        next?.cancel();
        await subscription.unsubscribe();
        await announce('leaving');
      })()),
  };
}
