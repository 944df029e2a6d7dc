/**
 * @baton/client: the typed REST client of a Baton node (`createClient`), the same client
 * over the cluster's message bus (`createBusClient`, issue 14) and the job worker an edge
 * machine runs on either (`createWorker`), in the shape of Camunda's JavaScript SDK.
 */
export { createClient, type BatonClient } from './client.js';
export type { CallOptions, ClientOptions } from './http.js';
export { createWorker, type JobHandler, type Worker, type WorkerOptions } from './worker.js';
export { jobActionReceipt, type Job, type JobActionReceipt, type JobBpmnError, type JobFailure } from './job.js';
export { consoleLogger, silentLogger, type WorkerLogger } from './logger.js';
export type * from './types.js';
export { createBusClient, type BatonBusClient, type BusClientOptions } from './bus-client.js';
export type { BusConnection } from './bus-fetch.js';
export { matchOperation } from './bus-operations.js';
