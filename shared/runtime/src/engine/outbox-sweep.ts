import type { CommandProcessor } from '../command-processor.js';
import type { Clock, ScheduledCallback } from '../ports/clock.js';

/**
 * Sweeps the outbox now and every `periodMs` on `clock` (0: only now). Entries
 * younger than a period may be mid-dispatch on a live peer, so each sweep leaves them.
 */
export function startOutboxSweep(
  processor: CommandProcessor,
  clock: Clock,
  periodMs: number,
  onError: (error: unknown, context: Readonly<Record<string, unknown>>) => void,
): { stop(): void } {
  let next: ScheduledCallback | undefined;
  let isStopped = false;
  const sweep = (): Promise<unknown> =>
    processor.sweepOutbox({ minAgeMs: periodMs }).catch((error: unknown) => onError(error, { during: 'sweepOutbox' }));
  const run = async (): Promise<void> => {
    await sweep();
    if (!isStopped) next = clock.schedule(clock.now() + periodMs, run);
  };
  void sweep();
  if (periodMs > 0) next = clock.schedule(clock.now() + periodMs, run);
  return {
    stop() {
      isStopped = true;
      next?.cancel();
    },
  };
}
