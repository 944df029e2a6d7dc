import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { errorResponses } from '../schemas.js';

/** At most one notice per this many ms, however busy the engine is. */
const throttleMs = 250;
/** A comment line now and then keeps proxies from closing an idle stream. */
const keepAliveMs = 25_000;

/**
 * GET /v2/events: a server-sent event stream that says `change` after engine state
 * changed, so task lists refresh at once instead of polling. It carries no data: each
 * client re-reads what it may see through the authorized routes.
 */
export function registerEventRoutes(app: FastifyInstance, { engine, closing }: RouteContext): void {
  app.get(
    '/v2/events',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['events'], summary: 'Server-sent events: `change` when engine state changed (no data; re-read what you need)', produces: ['text/event-stream'], response: errorResponses },
    },
    async (request, reply) => {
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      stream.write('retry: 2000\n\n');
      let pending: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = engine.onChange(() => {
        pending ??= setTimeout(() => {
          pending = undefined;
          stream.write('event: change\ndata: {}\n\n');
        }, throttleMs);
      });
      const keepAlive = setInterval(() => stream.write(': keep-alive\n\n'), keepAliveMs);
      const end = (): void => {
        unsubscribe();
        clearInterval(keepAlive);
        clearTimeout(pending);
        closing.removeEventListener('abort', end);
        if (!stream.writableEnded) stream.end();
      };
      if (closing.aborted) return end();
      closing.addEventListener('abort', end);
      request.raw.once('close', end);
    },
  );
}
