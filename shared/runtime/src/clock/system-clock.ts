import type { Clock, ScheduledCallback } from '../ports/clock.js';

/** setTimeout clamps longer delays to 1 ms, so longer waits are taken in steps. */
const maxTimeoutMs = 2_147_483_647;

/** Wall-clock time (`Date.now()`) with callbacks on the host's timers. */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    schedule(at, fn) {
      let handle: ReturnType<typeof setTimeout> | undefined;
      let isCancelled = false;
      const arm = (): void => {
        const waitMs = Math.max(0, at - Date.now());
        handle = setTimeout(() => {
          if (isCancelled) return;
          if (at > Date.now()) arm();
          else void fn();
        }, Math.min(waitMs, maxTimeoutMs));
      };
      arm();
      const scheduled: ScheduledCallback = {
        cancel() {
          isCancelled = true;
          if (handle !== undefined) clearTimeout(handle);
        },
      };
      return scheduled;
    },
  };
}

/** Resolves after `ms` on the given clock (used for retry back-off). */
export function sleepOn(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    clock.schedule(clock.now() + ms, () => resolve());
  });
}
