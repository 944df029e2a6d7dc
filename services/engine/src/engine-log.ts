import { isBatonError } from '@baton/errors';
import { isLeaseLost } from '@baton/redis';
import { isJobOver } from '@baton/runtime';
import type { Logger } from 'pino';

/**
 * The node's `onError` for the engine and the queue: real errors at `error`; the
 * refusals at-least-once delivery makes expected (issue 12, finding 12) at `info`, with
 * their reason: a job's completion refused because the job is over (a peer ran it after
 * this node's lease lapsed, its instance ended), a move refused because the lease or
 * lock lapsed while the node was paused. Those need no one to act.
 */
export function engineErrorLog(logger: Logger): (error: unknown, context?: Readonly<Record<string, unknown>>) => void {
  return (error, context = {}) => {
    const reason = error instanceof Error ? error.message : String(error);
    if (isJobOver(error) && isBatonError(error)) {
      logger.info({ code: error.code, reason, ...context }, 'job completion refused as expected (delivery is at least once): the job is over, not run again');
    } else if (isLeaseLost(error)) {
      logger.info({ reason, ...context }, 'job move refused as expected (delivery is at least once): this node\'s lease lapsed and a peer took the job over');
    } else {
      logger.error({ err: error, ...context }, 'engine error');
    }
  };
}
