/**
 * Issue 17: the ProcessStore contract on the proxy store, in Node, against a real
 * `baton serve` whose own store is a real Redis: every call crosses HTTP, the node's
 * authentication (an API key with the role store) and its Redis store, so the version
 * check, atomicity and every query are the remote store's.
 */
import { randomUUID } from 'node:crypto';
import { proxyStore } from '@baton/proxy';
import { processStoreContract, startRedis, type RunningServer } from '@baton/testkit';
import { afterAll, beforeAll } from 'vitest';
import { bundleBatonCli } from '../deploy/bundle-cli.js';
import { centralNode } from './proxy-support.js';

let cli = '';
let redis: RunningServer | undefined;
// The contract's outbox entries are not for any engine: a sweep of the central node's
// own would run and acknowledge them mid-test, so it sweeps once at start only.
const central = centralNode(() => cli, () => ['--store', redis?.url ?? '', '--queue', redis?.url ?? '', '--cluster', `proxy-${randomUUID()}`, '--outbox-sweep-ms', '86400000']);

beforeAll(async () => {
  [cli, redis] = await Promise.all([bundleBatonCli(), startRedis()]);
  await central.start();
});

afterAll(async () => {
  await central.stop();
  await redis?.stop();
  central.dispose();
});

processStoreContract(() => proxyStore({ url: `baton+${central.url()}`, credentials: { apiKey: central.storeKey } }));
