/**
 * @baton/proxy: a ProcessStore whose data lives on another Baton node (issue 17), for an
 * edge machine or a browser that runs processes locally with state held centrally; and
 * the store API's wire table, which the node serves it from. Isomorphic: `fetch` only.
 */
export { proxyStore, ProxyProcessStore, type ProxyStoreOptions } from './proxy-process-store.js';
export { parseStoreUrl, redact, type ParsedStoreUrl, type ProxyCredentials } from './proxy-url.js';
export {
  storeArguments,
  storeOperationNames,
  storeOperationPath,
  storeOperations,
  storeRequestSchema,
  type StoreOperation,
  type StoreOperationSpec,
} from './store-protocol.js';
export type { FetchInit, FetchLike, FetchResponse } from './web-globals.js';
