import type { Logger } from 'pino';
import { BatonError } from '@baton/errors';

/**
 * Waits for `closing` at most `graceMs`. Past it, logs at error, runs `force` (drop
 * connections) and rejects with SHUTDOWN_FORCED; `closing` may still be running then,
 * and the caller exits (issue 12, finding 11: a node must stop whatever its store does).
 */
export async function closeWithin(closing: Promise<void>, graceMs: number, logger: Logger, force: () => void): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), graceMs);
  });
  try {
    if ((await Promise.race([closing, expired])) !== 'expired') return;
  } finally {
    clearTimeout(timer);
  }
  logger.error({ code: 'SHUTDOWN_FORCED', graceMs }, `shutdown did not finish within ${graceMs} ms (a store or bus that does not answer); dropping connections`);
  force();
  throw new BatonError(
    'SHUTDOWN_FORCED',
    `Expected the node to drain and close within ${graceMs} ms, but it had not; its connections were dropped. ` +
      'Jobs it held go to a peer when their lease ends. Check the store and bus, or raise --shutdown-grace-ms.',
    { graceMs },
  );
}
