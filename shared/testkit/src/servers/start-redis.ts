import type { RunningServer } from './running-server.js';
import type { ServerSpec } from './server-spec.js';
import { startServer, type StartServerOptions } from './start-server.js';

/** A plain Redis (exported for the cluster launcher, which adds its cluster flags). */
export const redisSpec: ServerSpec = {
  name: 'redis',
  scheme: 'redis',
  envVar: 'BATON_TEST_REDIS_URL',
  image: 'redis:7-alpine',
  containerPort: 6379,
  containerReadyLog: /Ready to accept connections/,
  binary: 'redis-server',
  // No persistence: the temp dir only holds the log.
  args: (port, dir) => ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
  handshake: { send: 'PING\r\n', expect: /^\+PONG\r\n/ },
};

/**
 * A real Redis for integration tests: `BATON_TEST_REDIS_URL` if set, else a
 * `redis:7-alpine` container if Docker answers, else the local `redis-server` on a
 * free 127.0.0.1 port. Resolves once Redis answers PING. Throws a `BatonError` with
 * code `SERVER_UNAVAILABLE` when no way works.
 */
export function startRedis(options?: StartServerOptions): Promise<RunningServer> {
  return startServer(redisSpec, options);
}
