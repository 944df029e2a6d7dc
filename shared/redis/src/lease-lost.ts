/**
 * BullMQ's refusals of a move on a job this node no longer holds: its lease (eager
 * dispatch) or lock (a worker) lapsed while the node was paused or cut off, and a peer
 * took the job over, or finished and removed it. Delivery is at least once, so these
 * are expected, not failures (issue 12, finding 12): the peer's run counts. The texts are
 * BullMQ's (`Scripts.finishedErrors`, `Job.remove`), the only form it gives them in.
 */
const leaseLost = [
  /^Missing key for job \S+\. (changeDelay|moveToDelayed|moveToFinished|extendLock|remove)/,
  /^Missing lock for job \S+\./,
  /^Lock mismatch for job \S+\./,
  /^Job \S+ is not in the (delayed|active) state\./,
  /^Job \S+ could not be removed because it is locked by another worker/,
];

/** Whether `error` is BullMQ refusing a move on a job whose lease or lock this node lost (see above). */
export function isLeaseLost(error: unknown): boolean {
  return error instanceof Error && leaseLost.some((pattern) => pattern.test(error.message));
}
