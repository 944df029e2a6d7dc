/**
 * Bundled into a page by proxy-store-contract.test.ts: the ProcessStore contract on the proxy
 * store in this page, over its own fetch, to the node behind the page's origin (issue 17).
 */
import { proxyStore } from '@baton/proxy';
import { processStoreContract } from '../../../shared/testkit/src/contracts/process-store-contract.js';
import { runRegistered } from './mini-vitest.js';

let apiKey = '';
processStoreContract(() => proxyStore({ url: (globalThis as unknown as { location: { origin: string } }).location.origin, credentials: { apiKey } }));

(globalThis as unknown as { runContract: (key: string) => ReturnType<typeof runRegistered> }).runContract = (key) => {
  apiKey = key;
  return runRegistered();
};
