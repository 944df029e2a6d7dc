import type { Clock, ScheduledCallback } from '../ports/clock.js';

interface Entry {
  readonly at: number;
  readonly fn: () => void | Promise<void>;
  armed?: ScheduledCallback;
  isDone: boolean;
}

/**
 * A clock that can be pinned to an instant and reset, for tests of timers against a node
 * (Camunda 8's `PUT /v2/clock` and `POST /v2/clock/reset`, issue 13). Unpinned it is its
 * base clock. Pinned, `now()` is the pinned instant and stays there; a callback due by it
 * runs at once, one due later waits for a pin that reaches it or for `reset()`. So pinning
 * a day ahead fires the timers of that day, once each, as Zeebe's controlled clock does.
 *
 * Unlike the port's contract, time may go backwards here: a pin to the past, or a reset
 * after a pin to the future, is what the operator asked for. Callbacks already run are not
 * run again.
 */
export class ControlledClock implements Clock {
  private pinnedAt: number | undefined;
  private readonly entries = new Set<Entry>();

  constructor(private readonly base: Clock) {}

  now(): number {
    return this.pinnedAt ?? this.base.now();
  }

  /** The pinned instant (epoch ms), or undefined when the clock follows its base. */
  get pinned(): number | undefined {
    return this.pinnedAt;
  }

  schedule(at: number, fn: () => void | Promise<void>): ScheduledCallback {
    const entry: Entry = { at, fn, isDone: false };
    this.entries.add(entry);
    this.arm(entry);
    return {
      cancel: () => {
        entry.isDone = true;
        entry.armed?.cancel();
        this.entries.delete(entry);
      },
    };
  }

  /** Stops time at `at` (epoch ms): what is due by then runs, the rest waits. */
  pin(at: number): void {
    this.pinnedAt = at;
    this.rearm();
  }

  /** Follows the base clock again: waiting callbacks are due by its time. */
  reset(): void {
    this.pinnedAt = undefined;
    this.rearm();
  }

  private rearm(): void {
    for (const entry of this.entries) {
      entry.armed?.cancel();
      entry.armed = undefined;
      this.arm(entry);
    }
  }

  private arm(entry: Entry): void {
    const run = (): void | Promise<void> => {
      if (entry.isDone) return;
      entry.isDone = true;
      this.entries.delete(entry);
      return entry.fn();
    };
    if (this.pinnedAt === undefined) entry.armed = this.base.schedule(entry.at, run);
    else if (entry.at <= this.pinnedAt) entry.armed = this.base.schedule(this.base.now(), run);
  }
}
