import { createRedisTimeAuthority } from '@baton/redis';
import { ClockFollower, clockSkewProblem, type TimeAuthority } from '@baton/runtime';
import type { Logger } from 'pino';
import type { ReadinessCheck } from './health/readiness.js';

/** This host's own clock, as the process found it: the following below never corrects it. */
const hostNow = Date.now.bind(Date);
/** Offsets below this are noise of a loaded host's round trip to the store: logged at info, not warn. */
const noticeableMs = 100;

export const defaultMaxClockSkewMs = 2_000;
export const defaultClockCheckIntervalMs = 30_000;

/** A process keeping the store's time; `stop()` ends it and gives the process its host clock back. */
export interface ClockFollowing {
  /** `clock`: DOWN while this host's clock is more than the limit off the store's. */
  readonly check: ReadinessCheck;
  stop(): Promise<void>;
}

export interface ClockFollowingOptions {
  readonly authority: TimeAuthority & { close?(): Promise<void> };
  readonly logger: Logger;
  /** Beyond it readiness is DOWN (the node still follows the store); 0 never. Default 2 000 ms. */
  readonly maxSkewMs?: number;
  /** How often the offset is measured again. Default 30 000 ms. */
  readonly intervalMs?: number;
}

/**
 * Makes this process keep the store's time (issue 12, finding 8; DESIGN, "Time"): the
 * offset of this host's clock to the authority is measured at start and every
 * `intervalMs`, and `Date.now` is replaced by the corrected clock. Replacing it, not
 * just the engine's Clock: BullMQ reads `Date.now()` itself wherever it compares with a
 * delayed job's time (moving due delayed jobs to wait, `changeDelay`, `moveToDelayed`)
 * and takes no time from its caller (its maintainers: "as long as your clocks are
 * synchronised it should just work"), so a node an hour ahead promoted every peer's
 * timers and eager leases at once. With the replacement the engine's system clock
 * (`command.at`, timer due times, leases, back-offs) and BullMQ agree with every node
 * of the cluster, within half a round trip to Redis. A skew over `maxSkewMs` is
 * corrected all the same, but warned about and reported by readiness: a host clock
 * that far off is a broken time sync the operator must fix.
 */
export async function followClock(options: ClockFollowingOptions): Promise<ClockFollowing> {
  const { authority, logger } = options;
  const maxSkewMs = options.maxSkewMs ?? defaultMaxClockSkewMs;
  const follower = new ClockFollower({ authority, hostNow });
  const corrected = (): number => follower.now();
  let logged: number | undefined;
  const measure = async (): Promise<void> => {
    try {
      const { offsetMs, roundTripMs } = await follower.measure();
      if (follower.offsetMs !== 0) Date.now = corrected;
      if (logged !== undefined && Math.abs(offsetMs - logged) <= noticeableMs) return;
      logged = offsetMs;
      const details = { offsetMs, roundTripMs, appliedOffsetMs: follower.offsetMs, maxClockSkewMs: maxSkewMs, authority: authority.name };
      const problem = clockSkewProblem(offsetMs, maxSkewMs, authority.name);
      if (problem !== undefined) logger.warn(details, `clock skew: ${problem}; readiness is DOWN until then`);
      else if (Math.abs(offsetMs) > noticeableMs) logger.warn(details, `clock skew: this host's clock is ${Math.abs(offsetMs)} ms ${offsetMs < 0 ? 'ahead of' : 'behind'} ${authority.name}; the node follows ${authority.name}`);
      else logger.info(details, `clock in step with ${authority.name}`);
    } catch (error) {
      logger.warn({ err: error, appliedOffsetMs: follower.offsetMs }, `could not measure this host's clock against ${authority.name}; the node keeps the offset it had and measures again later`);
    }
  };
  await measure();
  const timer = setInterval(() => void measure(), options.intervalMs ?? defaultClockCheckIntervalMs);
  timer.unref();
  return {
    check: { name: 'clock', check: () => clockSkewProblem(follower.latest?.offsetMs ?? 0, maxSkewMs, authority.name) },
    async stop() {
      clearInterval(timer);
      if (Date.now === corrected) Date.now = hostNow;
      await authority.close?.();
    },
  };
}

/** {@link followClock} on Redis `TIME` for a node whose store is `redis://…`; undefined for other stores (one process, one clock). */
export async function followStoreClock(store: string | undefined, options: Omit<ClockFollowingOptions, 'authority'>): Promise<ClockFollowing | undefined> {
  if (store === undefined || !/^(rediss?|redis\+cluster):\/\//.test(store)) return undefined;
  return followClock({ ...options, authority: await createRedisTimeAuthority({ url: store }) });
}
