/** How one timed run keeps instances in flight and what it measured. */
export interface DriveOptions {
  /** Instances running at once: each lane starts the next as soon as its last one completed. */
  readonly inFlight: number;
  /** Lanes start no new instance after this; the run ends when the last one completes. */
  readonly durationMs: number;
  readonly progressEveryMs: number;
  /** Fails the run when no instance completes for this long (a hung engine). */
  readonly stallMs: number;
  readonly onProgress?: (instances: number, elapsedMs: number) => void;
}

export interface DriveResult {
  /** Instances started and completed in the run. */
  readonly instances: number;
  readonly elapsedMs: number;
  /** User + system CPU of this process over the run. */
  readonly cpuUs: number;
}

/**
 * Runs `runOne` on `inFlight` lanes for `durationMs`, then waits for every instance
 * to complete. Progress is reported from the lanes, not from a timer: an in-memory
 * engine runs on microtasks alone, so a timer would not fire before the run ends.
 */
export async function drive(runOne: () => Promise<void>, options: DriveOptions): Promise<DriveResult> {
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  let instances = 0;
  let reportedAt = startedAt;
  const lane = async (): Promise<void> => {
    for (let now = startedAt; now - startedAt < options.durationMs; now = performance.now()) {
      if (now - reportedAt >= options.progressEveryMs) {
        reportedAt = now;
        options.onProgress?.(instances, now - startedAt);
      }
      await runOne();
      instances++;
    }
  };
  const watchdog = watch(() => instances, startedAt, options);
  try {
    await Promise.race([Promise.all(Array.from({ length: options.inFlight }, lane)), watchdog.stalled]);
  } finally {
    watchdog.stop();
  }
  const elapsedMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  return { instances, elapsedMs, cpuUs: cpu.user + cpu.system };
}

/** Fails when the count stops moving. It runs only when the microtask queue drains, which is what a hang looks like. */
function watch(count: () => number, startedAt: number, options: DriveOptions): { stalled: Promise<never>; stop(): void } {
  let lastCount = 0;
  let lastChangeAt = startedAt;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const now = performance.now();
      const instances = count();
      if (instances !== lastCount) {
        lastCount = instances;
        lastChangeAt = now;
      } else if (now - lastChangeAt > options.stallMs) {
        reject(new Error(`No instance completed for ${Math.round(now - lastChangeAt)} ms (${instances} done): the engine looks stuck.`));
      }
    }, options.progressEveryMs);
  });
  return { stalled, stop: () => clearInterval(timer) };
}
