export { createRedisProcessStore, defaultEndedRetentionMs, RedisProcessStore, type RedisProcessStoreOptions } from './redis-process-store.js';
export { checkRedisServer, clusterNodesOf, type ServerCheck } from './connection.js';
export { StoreKeys, escapeKeyPart } from './keys.js';
export { createBullmqJobQueue, BullmqJobQueue, type BullmqJobQueueOptions } from './bullmq-job-queue.js';
export { isLeaseLost } from './lease-lost.js';
export { createRedisTimeAuthority, type RedisTimeAuthority } from './redis-time.js';
export { createRedisIdentityStore, RedisIdentityStore, type RedisIdentityStoreOptions, type StoredIdentity, type StoredSessionStanding, type IdentityTombstone } from './redis-identity-store.js';
export { StoreEpoch, type StoreProbe } from './store-epoch.js';
