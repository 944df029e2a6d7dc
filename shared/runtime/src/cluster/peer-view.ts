import type { Clock } from '../ports/clock.js';

/**
 * What a node says about itself on `baton.<cluster>.nodes.<nodeId>`: on start, every
 * `heartbeatMs`, when it sees a new peer, and with `status: 'leaving'` on stop.
 */
export interface NodeAnnouncement {
  readonly nodeId: string;
  /** Job types it runs, plus `store` when it can reach the store. */
  readonly capabilities: readonly string[];
  readonly status: 'up' | 'leaving';
  /** Peers drop it after three periods without a heartbeat. */
  readonly heartbeatMs: number;
  /** Its HTTP API, when it serves one. */
  readonly url?: string;
  readonly version?: string;
}

/** A live peer as this node sees it. */
export interface PeerInfo {
  readonly nodeId: string;
  readonly capabilities: readonly string[];
  readonly url?: string;
  readonly version?: string;
  /** Epoch ms of its last announcement. */
  readonly lastSeenAt: number;
  /** Epoch ms after which it counts as gone unless it announces again. */
  readonly expiresAt: number;
}

/** Heartbeats a peer may miss before it is dropped. */
const missedHeartbeats = 3;

/** Reads an announcement off the bus; anything else is undefined. */
export function toAnnouncement(data: unknown): NodeAnnouncement | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const a = data as Record<string, unknown>;
  const { nodeId, capabilities, status, heartbeatMs, url, version } = a;
  if (typeof nodeId !== 'string' || (status !== 'up' && status !== 'leaving') || typeof heartbeatMs !== 'number') return undefined;
  if (!Array.isArray(capabilities) || !capabilities.every((c): c is string => typeof c === 'string')) return undefined;
  return {
    nodeId,
    capabilities,
    status,
    heartbeatMs,
    ...(typeof url === 'string' ? { url } : {}),
    ...(typeof version === 'string' ? { version } : {}),
  };
}

/**
 * This node's view of its peers, fed with their announcements. A peer is live from
 * an announcement until `missedHeartbeats` of its own periods pass without one, or
 * until it says it is leaving. Time comes from the Clock; reads compute liveness,
 * so an expired peer needs no timer to disappear.
 */
export class PeerView {
  private readonly records = new Map<string, PeerInfo>();
  private readonly listeners = new Set<(peer: PeerInfo) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly selfId: string,
  ) {}

  /** Records an announcement; returns whether it came from a peer not live until now. */
  observe(announcement: NodeAnnouncement): boolean {
    if (announcement.nodeId === this.selfId) return false;
    const isNew = this.live(announcement.nodeId) === undefined;
    if (announcement.status === 'leaving') {
      this.records.delete(announcement.nodeId);
      return false;
    }
    const now = this.clock.now();
    const { heartbeatMs, status: _status, ...rest } = announcement;
    const peer: PeerInfo = { ...rest, lastSeenAt: now, expiresAt: now + missedHeartbeats * heartbeatMs };
    this.records.set(announcement.nodeId, peer);
    if (isNew) for (const listener of this.listeners) listener(peer);
    return isNew;
  }

  /** Live peers, by node id. */
  peers(): PeerInfo[] {
    const now = this.clock.now();
    return [...this.records.values()].filter((p) => p.expiresAt > now).sort((a, b) => a.nodeId.localeCompare(b.nodeId));
  }

  /** Live peers that have `capability`. */
  capableOf(capability: string): PeerInfo[] {
    return this.peers().filter((p) => p.capabilities.includes(capability));
  }

  /** Calls `listener` with each peer that becomes live (new, or back after expiring); returns the remover. */
  onPeerJoined(listener: (peer: PeerInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private live(nodeId: string): PeerInfo | undefined {
    const peer = this.records.get(nodeId);
    return peer !== undefined && peer.expiresAt > this.clock.now() ? peer : undefined;
  }
}
