import { BatonError } from '@baton/errors';
import { startNats, startRedis, type RunningServer } from '@baton/testkit';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    natsUrl: string;
  }
}

function announce(name: string, server: RunningServer): void {
  console.log(`[testkit] ${name}: ${server.source} ${server.url}`);
}

/** One failure as is; both as one `SERVER_UNAVAILABLE` carrying both messages. */
function unavailable(reasons: readonly unknown[]): unknown {
  if (reasons.length === 1) return reasons[0];
  const messages = reasons.map((reason) => (reason instanceof Error ? reason.message : String(reason)));
  return new BatonError('SERVER_UNAVAILABLE', messages.join('\n\n'), {}, { cause: reasons });
}

/**
 * Starts one Redis and one NATS for the whole integration run (env URL, else
 * testcontainers, else the local binary) and hands their URLs to tests through
 * `inject('redisUrl')` and `inject('natsUrl')`. A server that cannot start fails the
 * run, `CI=true` or not: integration tests never skip. Returns the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [redis, nats] = await Promise.allSettled([startRedis(), startNats()]);
  const started = [redis, nats].flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stopAll = async (): Promise<void> => {
    await Promise.all(started.map((server) => server.stop()));
  };
  if (redis.status === 'rejected' || nats.status === 'rejected') {
    await stopAll();
    throw unavailable([redis, nats].flatMap((result) => (result.status === 'rejected' ? [result.reason] : [])));
  }
  announce('redis', redis.value);
  announce('nats', nats.value);
  project.provide('redisUrl', redis.value.url);
  project.provide('natsUrl', nats.value.url);
  return stopAll;
}
