import type { RunningServer } from './running-server.js';
import type { ServerSpec } from './server-spec.js';
import { startServer, type StartServerOptions } from './start-server.js';

const nats: ServerSpec = {
  name: 'nats',
  scheme: 'nats',
  envVar: 'BATON_TEST_NATS_URL',
  image: 'nats:2-alpine',
  containerPort: 4222,
  containerReadyLog: /Server is ready/,
  binary: 'nats-server',
  args: (port) => ['-a', '127.0.0.1', '-p', String(port)],
  handshake: { expect: /^INFO \{/ },
};

/**
 * A real NATS server for integration tests: `BATON_TEST_NATS_URL` if set, else a
 * `nats:2-alpine` container if Docker answers, else the local `nats-server` on a
 * free 127.0.0.1 port. Resolves once the server greets with INFO. Throws a
 * `BatonError` with code `SERVER_UNAVAILABLE` when no way works.
 */
export function startNats(options?: StartServerOptions): Promise<RunningServer> {
  return startServer(nats, options);
}
