import type { FastifyReply } from 'fastify';

/**
 * A signal for a long poll: aborts when the connection closes before the answer was
 * sent (the client gave up) or when the server starts closing, so shutdown never
 * waits out a poll.
 */
export function abortOnClose(reply: FastifyReply, serverClosing: AbortSignal): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return AbortSignal.any([controller.signal, serverClosing]);
}
