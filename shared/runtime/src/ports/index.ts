export type { Clock, ScheduledCallback } from './clock.js';
export type { ProcessStore } from './process-store.js';
export type { HistoryStore, ProjectedInstance } from './history-store.js';
export type * from './store-records.js';
export type {
  ConsumeOptions,
  ConsumerHandle,
  EnqueueRequest,
  JobHandler,
  JobPayload,
  JobQueue,
  LeasedJob,
  ScheduledTimer,
  TimerHandler,
} from './job-queue.js';
export type { BusHandler, BusMessage, BusSubscription, MessageBus, SubscribeOptions } from './message-bus.js';
