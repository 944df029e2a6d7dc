import { processStoreContract } from '@baton/testkit';
import { MapStorage } from './__fixtures__/map-storage.js';
import { createPageLock } from './tab-lock.js';
import { WebStorageProcessStore } from './web-storage-process-store.js';

// In Node on a Map behind the Storage interface; web-storage.browser.test.ts runs the same suite on Chromium's localStorage.
processStoreContract(() => new WebStorageProcessStore({ storage: new MapStorage(), lock: createPageLock() }));
