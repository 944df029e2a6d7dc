import { BatonError } from '@baton/errors';
import type { RunningServer } from './running-server.js';
import type { ServerSpec } from './server-spec.js';
import { startBinary } from './start-binary.js';
import { probeContainerRuntime, startContainer } from './start-container.js';

/** Lets a caller supply the environment; `process.env` otherwise. */
export interface StartServerOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reaches a real server the first way that works: the env URL, else a testcontainers
 * container when a Docker engine answers, else the local binary on a free loopback
 * port. Never skips: when no way works it throws `SERVER_UNAVAILABLE` saying what
 * was tried and how to fix it.
 */
export async function startServer(spec: ServerSpec, options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const fromEnv = env[spec.envVar]?.trim();
  if (fromEnv !== undefined && fromEnv !== '') {
    return { url: fromEnv, source: 'env', stop: () => Promise.resolve() };
  }
  const tried = [`${spec.envVar} is not set`];
  const runtime = await probeContainerRuntime();
  if (runtime.isAvailable) {
    try {
      return await startContainer(spec);
    } catch (error) {
      tried.push(`testcontainers could not start ${spec.image}: ${messageOf(error)}`);
      console.warn(`[testkit] ${spec.name}: ${spec.image} did not start (${messageOf(error)}); trying the local binary`);
    }
  } else {
    tried.push(`no Docker engine answered testcontainers (${runtime.reason})`);
  }
  let binaryError: unknown;
  try {
    return await startBinary(spec);
  } catch (error) {
    binaryError = error;
    tried.push(`the local binary failed: ${messageOf(error)}`);
  }
  throw new BatonError(
    'SERVER_UNAVAILABLE',
    `No ${spec.name} server for the tests. Tried, in order:\n` +
      tried.map((step, index) => `  ${index + 1}. ${step}`).join('\n') +
      `\nTo fix, do one of: set ${spec.envVar}=${spec.scheme}://host:port to a server you run; ` +
      `start Docker so testcontainers can run ${spec.image}; ` +
      `or install the binaries (apt-get install redis-server nats-server).`,
    { server: spec.name, tried },
    { cause: binaryError },
  );
}
