import type { Logger } from 'pino';
import type { ReadinessCheck } from './readiness.js';

/** What a store's bounded probe reports (the Redis store's `probe`). */
export interface StoreProbeResult {
  readonly epoch: string;
  readonly lostEpoch?: { readonly was: string; readonly found: string };
}

/** A store that can be probed in bounded time; the probe throws when the store does not answer. */
export interface ProbedStore {
  probe(timeoutMs: number): Promise<StoreProbeResult>;
}

export interface StoreWatchOptions {
  readonly store: ProbedStore;
  readonly logger: Logger;
  /** Told once per detected loss, after the log line; re-applies `--deploy`. Its failure is logged. */
  readonly onDataLost: () => Promise<void>;
  /** A probe answer is reused this long, so readiness checks do not load the store. Default 1 000 ms. */
  readonly cacheMs?: number;
  /** How long a probe may wait for the store. Default 1 000 ms. */
  readonly probeTimeoutMs?: number;
  /** Probes run this often even when nobody asks readiness, so a loss is seen soon. Default 2 000 ms. */
  readonly intervalMs?: number;
}

/** The store's readiness check, and the loss detection behind it (issue 12, findings 9 and 10). */
export interface StoreWatch {
  readonly check: ReadinessCheck;
  /** How often this node found the store had lost its data. */
  dataLosses(): number;
  stop(): void;
}

/**
 * Probes the store now and then (bounded, cached): readiness says `DOWN` while it does
 * not answer, and a store that lost its data (its epoch marker gone or replaced) is
 * logged at error, counted, and `onDataLost` runs. Availability changes are logged
 * once each (warn when lost, info when back).
 */
export function watchStore(options: StoreWatchOptions): StoreWatch {
  const { store, logger } = options;
  const cacheMs = options.cacheMs ?? 1_000;
  const probeTimeoutMs = options.probeTimeoutMs ?? 1_000;
  let losses = 0;
  let last: { readonly at: number; readonly outcome: Promise<string | undefined> } | undefined;
  let wasDown = false;

  const lost = async (lostEpoch: NonNullable<StoreProbeResult['lostEpoch']>): Promise<void> => {
    losses += 1;
    logger.error(
      { code: 'STORE_DATA_LOST', epochWas: lostEpoch.was, epochFound: lostEpoch.found },
      `the store lost its data (epoch ${lostEpoch.was} → ${lostEpoch.found}): instances, timers and deployments stored before are gone. ` +
        'Redis was restarted without persistence, flushed or replaced; check its AOF settings. Re-applying --deploy.',
    );
    try {
      await options.onDataLost();
    } catch (error) {
      logger.error({ err: error }, 'could not re-apply --deploy after the store lost its data');
    }
  };

  const probe = async (): Promise<string | undefined> => {
    try {
      const result = await store.probe(probeTimeoutMs);
      if (wasDown) logger.info('the store answers again');
      wasDown = false;
      if (result.lostEpoch !== undefined) void lost(result.lostEpoch);
      return undefined;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!wasDown) logger.warn({ err: error }, 'the store does not answer: readiness reports DOWN until it does');
      wasDown = true;
      return reason;
    }
  };

  const cached = (): Promise<string | undefined> => {
    const now = Date.now();
    if (last === undefined || now - last.at >= cacheMs) last = { at: now, outcome: probe() };
    return last.outcome;
  };

  const timer = setInterval(() => void cached(), options.intervalMs ?? 2_000);
  timer.unref();
  return {
    check: { name: 'store', check: cached },
    dataLosses: () => losses,
    stop: () => clearInterval(timer),
  };
}
