/**
 * How long the in-memory store keeps instances that ended (completed or
 * terminated), with their history. Active instances are always kept. An embedded
 * engine runs for months: without a bound, every instance it ever ran would stay
 * in memory (and make each garbage collection slower).
 */
export interface RetentionOptions {
  /** Ended instances kept at most; the oldest ended go first. Default 10,000. */
  readonly maxEnded?: number;
  /**
   * Ended instances are dropped once a later commit is this much younger than
   * their end (both in command time, the store has no clock). Default: no age limit.
   */
  readonly endedTtlMs?: number;
}

const none: readonly string[] = [];

/** The default: generous for a node serving people, bounded for a long-lived process. */
export const defaultRetention: Required<Pick<RetentionOptions, 'maxEnded'>> = { maxEnded: 10_000 };

/**
 * Ended instances in the order they ended, and which of them are due to go.
 * O(1) amortized per commit: instances end roughly in time order, so the due ones
 * are at the front.
 */
export class EndedInstances {
  /** instanceId -> endedAt, oldest end first (a Map keeps insertion order). */
  private readonly endedAt = new Map<string, number>();
  private readonly maxEnded: number;
  private readonly ttlMs: number;

  constructor(options: RetentionOptions) {
    this.maxEnded = Math.max(0, options.maxEnded ?? defaultRetention.maxEnded);
    this.ttlMs = options.endedTtlMs ?? Number.POSITIVE_INFINITY;
  }

  /** Notes that an instance ended at `at` (again: it moves to the back). */
  add(instanceId: string, at: number): void {
    this.endedAt.delete(instanceId);
    this.endedAt.set(instanceId, at);
  }

  /** Takes the ids due to be dropped when the newest commit is at `now`. */
  takeDue(now: number): readonly string[] {
    if (this.endedAt.size <= this.maxEnded && this.ttlMs === Number.POSITIVE_INFINITY) return none;
    const due: string[] = [];
    for (const [instanceId, endedAt] of this.endedAt) {
      if (this.endedAt.size - due.length <= this.maxEnded && now - endedAt < this.ttlMs) break;
      due.push(instanceId);
    }
    for (const instanceId of due) this.endedAt.delete(instanceId);
    return due;
  }
}
