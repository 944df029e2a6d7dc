import type { JobQueue, ScheduledTimer, TimerHandler } from '@baton/runtime';

/** One delivery of a queued timer to a node's timer handler, and how the handler ended. */
export interface TimerDelivery {
  readonly node: string;
  readonly timerKey: string;
  readonly outcome: 'handled' | 'threw';
  readonly error?: unknown;
}

/** Sees every timer the queues deliver to the engines' handlers, so a test can wait for one to be handled. */
export class TimerWatch {
  readonly deliveries: TimerDelivery[] = [];
  private readonly waiters: { readonly timerKey: string; readonly resolve: (d: TimerDelivery) => void }[] = [];

  /** Resolves with the first delivery of `timerKey` that ended (already ended or still to come). */
  handled(timerKey: string): Promise<TimerDelivery> {
    const done = this.deliveries.find((d) => d.timerKey === timerKey);
    if (done !== undefined) return Promise.resolve(done);
    return new Promise((resolve) => this.waiters.push({ timerKey, resolve }));
  }

  /** `queue` whose timer handler reports here; every other method goes straight to `queue`. */
  observe(queue: JobQueue, node: string): JobQueue {
    const consumeTimers = (handler: TimerHandler) => queue.consumeTimers((timer) => this.run(node, handler, timer));
    return new Proxy(queue, {
      get: (target, property) => {
        if (property === 'consumeTimers') return consumeTimers;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  private async run(node: string, handler: TimerHandler, timer: ScheduledTimer): Promise<void> {
    try {
      await handler(timer);
      this.settled({ node, timerKey: timer.timerKey, outcome: 'handled' });
    } catch (error) {
      this.settled({ node, timerKey: timer.timerKey, outcome: 'threw', error });
      throw error;
    }
  }

  private settled(delivery: TimerDelivery): void {
    this.deliveries.push(delivery);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter?.timerKey !== delivery.timerKey) continue;
      this.waiters.splice(i, 1);
      waiter.resolve(delivery);
    }
  }
}
