import type { Clock, ScheduledCallback } from '@baton/runtime';

/** What one pass found: run again at once (`more`), or wake at `nextAt` (epoch ms) unless kicked earlier. */
export interface PassOutcome {
  readonly more: boolean;
  readonly nextAt?: number;
}

/**
 * Runs `pass` when kicked (a local enqueue, a finished handler), at the next due time
 * a pass reports, and every `pollMs` for work other nodes added. One pass at a time;
 * a kick during a pass runs another right after. Time and wake-ups come from the
 * Clock, so a virtual clock drives it in tests. A failing pass is reported and retried
 * at the next poll.
 */
export class Poller {
  private running: Promise<void> | undefined;
  private isKickedAgain = false;
  private isStopped = false;
  private wake: ScheduledCallback | undefined;

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
    await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.isKickedAgain = false;
      const startedAt = this.clock.now();
      let outcome: PassOutcome = { more: false };
      try {
        outcome = await this.pass();
      } catch (error) {
        this.onError(error);
      }
      if (this.isStopped) return;
      const at = Math.min(outcome.nextAt ?? Infinity, startedAt + this.pollMs);
      this.wake?.cancel();
      // Time that passed during the pass (a slow query, a virtual clock moved meanwhile) may have made work due already.
      if (outcome.more || at <= this.clock.now()) this.isKickedAgain = true;
      else this.wake = this.clock.schedule(at, () => this.kick());
    } while (this.isKickedAgain && !this.isStopped);
  }
}
