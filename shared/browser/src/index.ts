/**
 * @baton/browser: the whole engine stack in a page (issue 17): `createBrowserEngine`
 * (the REST client's interface, answered in the page), the Web Storage ProcessStore, the
 * page's identity and the lock its tabs share.
 */
export { createBrowserEngine, type BrowserEngine, type BrowserEngineOptions } from './create-browser-engine.js';
export { createWebStorageProcessStore, WebStorageProcessStore, type WebStorageProcessStoreOptions } from './web-storage-process-store.js';
export { createPageIdentity, type PageIdentity, type PageIdentityOptions, type PageUser } from './page-identity.js';
export { createPageFetch, type PageFetchOptions } from './page-fetch.js';
export { createPageLock, createTabLock, type TabLock } from './tab-lock.js';
export type { WebStorage } from './page-globals.js';
