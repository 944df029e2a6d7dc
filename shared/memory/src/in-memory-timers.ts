import type { Clock, ConsumerHandle, ScheduledCallback, ScheduledTimer, TimerHandler } from '@baton/runtime';

interface TimerEntry {
  readonly timer: ScheduledTimer;
  attempt: number;
  callback?: ScheduledCallback;
}

const retryBackoffMs = 1_000;
const maxAttempts = 5;

/**
 * Timers of the in-memory queue, each armed on the clock at its due time. A timer
 * due while no handler is registered fires when one registers.
 */
export class InMemoryTimers {
  private readonly timers = new Map<string, TimerEntry>();
  /** Due timers waiting for a handler, in due order. */
  private readonly due: TimerEntry[] = [];
  private handler: TimerHandler | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
  ) {}

  async schedule(timer: ScheduledTimer): Promise<void> {
    if (this.timers.has(timer.timerKey)) return;
    const entry: TimerEntry = { timer, attempt: 0 };
    this.timers.set(timer.timerKey, entry);
    this.arm(entry, timer.dueAt);
  }

  async cancel(timerKey: string): Promise<void> {
    const entry = this.timers.get(timerKey);
    if (entry === undefined) return;
    entry.callback?.cancel();
    this.timers.delete(timerKey);
    const waiting = this.due.indexOf(entry);
    if (waiting >= 0) this.due.splice(waiting, 1);
  }

  consume(handler: TimerHandler): ConsumerHandle {
    this.handler = handler;
    const waiting = this.due.splice(0);
    void (async () => {
      for (const entry of waiting) await this.fire(entry);
    })();
    return {
      stop: async () => {
        if (this.handler === handler) this.handler = undefined;
        await Promise.all([...this.inFlight]);
      },
    };
  }

  close(): void {
    for (const entry of this.timers.values()) entry.callback?.cancel();
    this.timers.clear();
    this.due.length = 0;
    this.handler = undefined;
  }

  private arm(entry: TimerEntry, at: number): void {
    entry.callback = this.clock.schedule(at, () => this.fire(entry));
  }

  private async fire(entry: TimerEntry): Promise<void> {
    const key = entry.timer.timerKey;
    if (this.timers.get(key) !== entry) return;
    const handler = this.handler;
    if (handler === undefined) {
      this.due.push(entry);
      return;
    }
    this.timers.delete(key);
    const run = handler(entry.timer).catch((error: unknown) => {
      this.onError(error);
      entry.attempt++;
      if (entry.attempt >= maxAttempts || this.timers.has(key)) return;
      this.timers.set(key, entry);
      this.arm(entry, this.clock.now() + retryBackoffMs * 2 ** (entry.attempt - 1));
    });
    this.inFlight.add(run);
    await run;
    this.inFlight.delete(run);
  }
}
