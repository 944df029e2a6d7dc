import type { RunningServer } from './running-server.js';
import type { ServerSpec } from './server-spec.js';

/** Whether a container engine answered, and if not, what testcontainers said. */
export type RuntimeProbe = { readonly isAvailable: true } | { readonly isAvailable: false; readonly reason: string };

const probeTimeoutMs = 3_000;
const startupTimeoutMs = 120_000;
let probe: Promise<RuntimeProbe> | undefined;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} gave no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Asks testcontainers for a container runtime, once per process (the answer is
 * cached). Without an engine it rejects within milliseconds; a hung socket is cut
 * off after a few seconds. testcontainers is imported here, lazily, so runs without
 * Docker never pay for loading it beyond this probe.
 */
export function probeContainerRuntime(): Promise<RuntimeProbe> {
  probe ??= (async (): Promise<RuntimeProbe> => {
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      await withTimeout(getContainerRuntimeClient(), probeTimeoutMs, 'the container runtime');
      return { isAvailable: true };
    } catch (error) {
      return { isAvailable: false, reason: messageOf(error) };
    }
  })();
  return probe;
}

/**
 * Starts `spec.image` with its port mapped to a random host port and resolves once
 * the server logs that it is ready. testcontainers' reaper removes the container if
 * this process dies; `stop()` removes it now.
 */
export async function startContainer(spec: ServerSpec): Promise<RunningServer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(spec.image)
    .withExposedPorts(spec.containerPort)
    .withWaitStrategy(Wait.forLogMessage(spec.containerReadyLog))
    .withStartupTimeout(startupTimeoutMs)
    .start();
  const url = `${spec.scheme}://${container.getHost()}:${container.getMappedPort(spec.containerPort)}`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    source: 'testcontainers',
    stop: () => {
      stopping ??= container.stop().then(() => undefined);
      return stopping;
    },
  };
}
