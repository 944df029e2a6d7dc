import type { Logger } from 'pino';
import type { BusConnectionChange } from '../handoff/edge-bus.js';
import type { ReadinessCheck } from './readiness.js';

/** The bus connection as readiness and the log see it (issue 12, finding 9: a NATS outage logged nothing). */
export interface BusWatch {
  /** Give it to the bus adapter (`onConnectionChange`). */
  readonly onChange: (change: BusConnectionChange) => void;
  readonly check: ReadinessCheck;
}

/** Logs a lost bus connection at warn and its return at info; readiness is `DOWN` in between. */
export function watchBus(logger: Logger): BusWatch {
  let lostAt: number | undefined;
  return {
    onChange(change) {
      if (change === 'disconnected' && lostAt === undefined) {
        lostAt = Date.now();
        logger.warn({ code: 'SERVER_UNAVAILABLE' }, 'lost the connection to the bus (NATS); reconnecting. Hand-offs and peer messages fail until it is back');
      } else if (change === 'reconnected' && lostAt !== undefined) {
        logger.info({ outageMs: Date.now() - lostAt }, 'the bus (NATS) connection is back');
        lostAt = undefined;
      }
    },
    check: { name: 'bus', check: () => (lostAt === undefined ? undefined : `not connected to the bus since ${new Date(lostAt).toISOString()}; reconnecting`) },
  };
}
