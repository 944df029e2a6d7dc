export type { RunningServer, ServerSource } from './servers/running-server.js';
export type { StartServerOptions } from './servers/start-server.js';
export { startRedis } from './servers/start-redis.js';
export { startNats } from './servers/start-nats.js';
export { startPostgres } from './servers/start-postgres.js';
export { startFaultyProxy, type FaultyProxy, type NetworkFaults } from './servers/faulty-proxy.js';
export * from './contracts/index.js';
export * from './concurrency/index.js';
export * from './fuzz/index.js';
