import type { Clock, ScheduledCallback } from '../ports/clock.js';

interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void | Promise<void>;
  isCancelled: boolean;
}

/**
 * A clock that moves only when told to. `advanceTo`/`advanceBy` run every callback
 * due by the target in due order (earliest first; ties in scheduling order), each
 * seeing `now()` equal to its own due time, and await each one before the next, so
 * callbacks scheduled while advancing (the next repetition of a cycle, a timer on a
 * task reached after another timer fired) run in the same advance when due by then.
 * A callback scheduled in the past runs at the next advance, at the current time.
 */
export class VirtualClock implements Clock {
  private current: number;
  private seq = 0;
  private readonly heap: Entry[] = [];

  constructor(startMs = 0) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  schedule(at: number, fn: () => void | Promise<void>): ScheduledCallback {
    const entry: Entry = { at, seq: this.seq++, fn, isCancelled: false };
    this.push(entry);
    return {
      cancel: () => {
        entry.isCancelled = true;
      },
    };
  }

  /** Number of callbacks not yet run or cancelled. */
  pendingCount(): number {
    return this.heap.filter((e) => !e.isCancelled).length;
  }

  /** Due time of the earliest pending callback, if any. */
  nextDueAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  async advanceBy(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  /** Moves the clock to `target` (never backwards), running what falls due on the way. */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      this.dropCancelled();
      const next = this.heap[0];
      if (next === undefined || next.at > target) break;
      this.pop();
      this.current = Math.max(this.current, next.at);
      await next.fn();
    }
    this.current = Math.max(this.current, target);
  }

  private dropCancelled(): void {
    while (this.heap[0]?.isCancelled === true) this.pop();
  }

  private static before(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Entry;
      if (!VirtualClock.before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && VirtualClock.before(heap[right] as Entry, heap[left] as Entry) ? right : left;
      if (!VirtualClock.before(heap[child] as Entry, last)) break;
      heap[i] = heap[child] as Entry;
      i = child;
    }
    heap[i] = last;
  }
}
