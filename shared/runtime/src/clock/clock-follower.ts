/**
 * The cluster's one source of time (DESIGN, "Time"): the store's clock, e.g. Redis
 * `TIME`. Timers and leases are absolute times every node compares with its own clock,
 * so a node whose clock is off fires timers early or late and takes over leases that
 * are not over (issue 12, finding 8).
 */
export interface TimeAuthority {
  /** Names it in logs and readiness reasons, e.g. `Redis TIME`. */
  readonly name: string;
  /** Its current time, epoch ms. Throws when it cannot be asked (the store is away). */
  now(): Promise<number>;
}

/** One measurement of how far the authority's clock is ahead of this host's (negative: behind). */
export interface ClockOffset {
  readonly offsetMs: number;
  /** Round trip of the sample it comes from: the offset is right within half of it. */
  readonly roundTripMs: number;
}

export interface ClockFollowerOptions {
  readonly authority: TimeAuthority;
  /** This host's own clock, never corrected (the original `Date.now`, or a virtual clock in tests). */
  readonly hostNow: () => number;
  /** Samples per measurement; the one with the shortest round trip counts (NTP's choice). Default 5. */
  readonly samples?: number;
  /** A measured offset closer than this (or than half its round trip) to the one applied is left alone: noise. Default 25 ms. */
  readonly toleranceMs?: number;
  /**
   * How far back `now()` may be asked to step when a new offset is applied: a step
   * back up to this long waits (time stands still until the host's clock catches
   * up); a longer one, a host clock stepped by hand or by NTP, is taken at once. Default 1 000 ms.
   */
  readonly maxStallMs?: number;
}

/**
 * This host's clock corrected by its measured offset to a {@link TimeAuthority}: the
 * time every node of a cluster agrees on, within half a round trip to the store.
 * `measure()` asks the authority a few times (Cristian's algorithm: the authority's
 * reading is taken as the middle of the round trip); call it at start and periodically.
 */
export class ClockFollower {
  private applied = 0;
  private last = Number.NEGATIVE_INFINITY;
  private measured: ClockOffset | undefined;

  constructor(private readonly options: ClockFollowerOptions) {}

  /** The offset `now()` applies, ms (0 until a measurement differed from it by more than the tolerance). */
  get offsetMs(): number {
    return this.applied;
  }

  /** The last measurement, if one succeeded. */
  get latest(): ClockOffset | undefined {
    return this.measured;
  }

  /** The authority's time as this host estimates it, epoch ms; see `maxStallMs` for steps back. */
  now(): number {
    const corrected = this.options.hostNow() + this.applied;
    if (corrected < this.last && this.last - corrected <= (this.options.maxStallMs ?? 1_000)) return this.last;
    this.last = corrected;
    return corrected;
  }

  /** Measures the offset, applies it when it moved beyond the tolerance, and returns it. Throws what the authority throws. */
  async measure(): Promise<ClockOffset> {
    const { authority, hostNow } = this.options;
    let best: ClockOffset | undefined;
    for (let i = 0; i < Math.max(1, this.options.samples ?? 5); i++) {
      const sentAt = hostNow();
      const authorityTime = await authority.now();
      const receivedAt = hostNow();
      const sample = { offsetMs: Math.round(authorityTime - (sentAt + receivedAt) / 2), roundTripMs: receivedAt - sentAt };
      if (best === undefined || sample.roundTripMs < best.roundTripMs) best = sample;
    }
    const offset = best as ClockOffset;
    // A change within the tolerance, or within the measurement's own uncertainty (half its round trip), is noise.
    if (Math.abs(offset.offsetMs - this.applied) > Math.max(this.options.toleranceMs ?? 25, offset.roundTripMs / 2)) this.applied = offset.offsetMs;
    this.measured = offset;
    return offset;
  }
}

/**
 * Why a node whose clock is `offsetMs` away from the authority should not take
 * traffic, or undefined within `maxSkewMs` (0: never). The node still follows the
 * authority; the reason tells the operator to fix the host's time sync.
 */
export function clockSkewProblem(offsetMs: number, maxSkewMs: number, authority: string): string | undefined {
  if (maxSkewMs <= 0 || Math.abs(offsetMs) <= maxSkewMs) return undefined;
  const direction = offsetMs < 0 ? 'ahead of' : 'behind';
  return (
    `this host's clock is ${Math.abs(offsetMs)} ms ${direction} ${authority}, over the limit of ${maxSkewMs} ms (--max-clock-skew-ms); ` +
    `the node follows ${authority}, but fix the host's time sync (NTP)`
  );
}
