/**
 * @baton/memory: the in-memory ProcessStore, JobQueue and MessageBus (isomorphic;
 * the embedded default and the fast test adapters) and a whole in-memory engine.
 */
export { InMemoryProcessStore, createInMemoryProcessStore, type InMemoryProcessStoreOptions } from './in-memory-process-store.js';
export { defaultRetention, type RetentionOptions } from './retention.js';
export { InMemoryHistoryStore, createInMemoryHistoryStore } from './in-memory-history-store.js';
export { InMemoryJobQueue, createInMemoryJobQueue, type InMemoryJobQueueOptions } from './in-memory-job-queue.js';
export { InMemoryMessageBus, createInMemoryMessageBus, type InMemoryMessageBusOptions } from './in-memory-message-bus.js';
export { subjectMatches } from './subject-pattern.js';
export { createInMemoryEngine, type InMemoryEngine, type InMemoryEngineOptions } from './create-in-memory-engine.js';
/** Re-exported so memory users need one import for a virtual-time engine. */
export { VirtualClock } from '@baton/runtime';
