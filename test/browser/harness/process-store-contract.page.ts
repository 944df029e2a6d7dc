/** Bundled into a page by web-storage-contract.test.ts: the ProcessStore contract on the Web Storage store over this page's localStorage and Web Locks. */
import { WebStorageProcessStore } from '@baton/browser';
import { processStoreContract } from '../../../shared/testkit/src/contracts/process-store-contract.js';
import { runRegistered } from './mini-vitest.js';

let made = 0;
// A namespace per test, as the contract asks (a store of its own); real localStorage, real navigator.locks.
processStoreContract(() => new WebStorageProcessStore({ namespace: `contract-${Date.now()}-${(made += 1)}` }));

(globalThis as unknown as { runContract: typeof runRegistered }).runContract = runRegistered;
