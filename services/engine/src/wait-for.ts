/** Re-check interval when no change notification arrives (a change in another node). */
const fallbackPollMs = 500;

/** Options of {@link waitFor}. */
export interface WaitOptions {
  readonly timeoutMs: number;
  /** Subscribes to "something changed"; returns the unsubscribe function. */
  readonly onChange: (listener: () => void) => () => void;
  /** Ends the wait early (the client went away). */
  readonly signal?: AbortSignal;
}

/**
 * Long-poll: runs `probe` until it yields a value or `timeoutMs` passes, re-running it
 * on each change notification (and every 500 ms as a fallback). Returns undefined on
 * timeout or abort. A change that arrives while `probe` runs is not lost.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined>, options: WaitOptions): Promise<T | undefined> {
  const endAt = Date.now() + options.timeoutMs;
  let changes = 0;
  let wake: (() => void) | undefined;
  const unsubscribe = options.onChange(() => {
    changes += 1;
    wake?.();
  });
  const onAbort = (): void => wake?.();
  options.signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const seen = changes;
      const value = await probe();
      if (value !== undefined) return value;
      const leftMs = endAt - Date.now();
      if (leftMs <= 0 || options.signal?.aborted) return undefined;
      if (changes !== seen) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(leftMs, fallbackPollMs));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    unsubscribe();
    options.signal?.removeEventListener('abort', onAbort);
  }
}
