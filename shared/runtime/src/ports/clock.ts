/** A callback registered with {@link Clock.schedule}; cancelling twice or after it ran is a no-op. */
export interface ScheduledCallback {
  cancel(): void;
}

/**
 * Time for the shell: the only source of `command.at` and of every delay (timers,
 * job back-off, leases, request timeouts). A virtual clock drives all of them in
 * tests and scenarios; the system clock uses wall time.
 *
 * Contract:
 * - `now()` is epoch ms and never goes backwards.
 * - `schedule(at, fn)` runs `fn` once, no earlier than `at` (a past `at` means as
 *   soon as the clock runs callbacks). Callbacks due at the same time run in the
 *   order they were scheduled. A returned promise is awaited by clocks that run
 *   callbacks one by one (the virtual clock), so work a callback starts, including
 *   callbacks it schedules, is finished before a later callback runs.
 * - `fn` must not throw; a rejection is the callback's own failure to report.
 */
export interface Clock {
  now(): number;
  schedule(at: number, fn: () => void | Promise<void>): ScheduledCallback;
}
