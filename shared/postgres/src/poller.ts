import type { Clock, ScheduledCallback } from '@baton/runtime';

/** What one pass found: run again at once (`more`), or wake at `nextAt` (epoch ms) unless kicked earlier. */
export interface PassOutcome {
  readonly more: boolean;
  readonly nextAt?: number;
}

/**
 * Runs `pass` when kicked (a local enqueue, a finished handler), at the next due time
 * a pass reports (on the Clock, so a virtual clock drives it in tests), and every
 * `pollMs` of host time for work other nodes added (a host timer: looking for peers'
 * rows is about real latency, and a virtual hour must not cost thousands of polls).
 * One pass at a time; a kick during a pass runs another right after. A failing pass
 * is reported and retried at the next poll.
 */
export class Poller {
  private running: Promise<void> | undefined;
  private isKickedAgain = false;
  private isStopped = false;
  private wake: ScheduledCallback | undefined;
  private poll: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly pollMs: number,
    private readonly pass: () => Promise<PassOutcome>,
    private readonly onError: (error: unknown) => void,
  ) {}

  kick(): Promise<void> {
    if (this.isStopped) return Promise.resolve();
    if (this.running !== undefined) {
      this.isKickedAgain = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** No pass starts after this; resolves when the one running has ended. */
  async stop(): Promise<void> {
    this.isStopped = true;
    this.wake?.cancel();
    clearTimeout(this.poll);
    await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.isKickedAgain = false;
      let outcome: PassOutcome = { more: false };
      try {
        outcome = await this.pass();
      } catch (error) {
        this.onError(error);
      }
      if (this.isStopped) return;
      this.wake?.cancel();
      this.wake = undefined;
      const { nextAt } = outcome;
      // The clock may have passed nextAt during the pass (a slow query, a virtual clock moved meanwhile).
      if (outcome.more || (nextAt !== undefined && nextAt <= this.clock.now())) this.isKickedAgain = true;
      else if (nextAt !== undefined) this.wake = this.clock.schedule(nextAt, () => this.kick());
      clearTimeout(this.poll);
      this.poll = setTimeout(() => void this.kick(), this.pollMs);
      this.poll.unref();
    } while (this.isKickedAgain && !this.isStopped);
  }
}
