import type { JobPayload, ScheduledTimer } from '@baton/runtime';

/**
 * BullMQ refuses `:` in queue names and custom job ids, and integer-like custom
 * ids; Baton's keys may hold both. These encodings are reversible and stable, so a
 * repeated enqueue of one key maps to the same BullMQ job id (a no-op).
 */
function escape(text: string): string {
  return text.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** The BullMQ job id of a Baton job id or timer key: `k-` + escaped key. */
export function bullId(key: string): string {
  return `k-${escape(key)}`;
}

/** The Baton key of a BullMQ job id made by {@link bullId}. */
export function keyOfBullId(id: string): string {
  return decodeURIComponent(id.slice(2));
}

/** One BullMQ queue per capability. */
export function jobQueueName(capability: string): string {
  return `job.${escape(capability)}`;
}

export const timerQueueName = 'timers';

/** What a job carries in BullMQ. */
export interface JobData {
  readonly capability: string;
  readonly payload: JobPayload;
}

export type TimerData = ScheduledTimer;
