import type { ParentLink, Variables } from './commands.js';

/**
 * Effects: orders to a port, written to the outbox in the same atomic commit as
 * the state and run by the shell after the commit. Each is idempotent by its key:
 * running one twice (a crash between run and acknowledgement) changes nothing.
 */
export type Effect =
  /** Put a job on the queue of its capability. */
  | {
      readonly type: 'EnqueueJob';
      readonly jobKey: string;
      readonly instanceId: string;
      readonly elementId: string;
      readonly elementInstanceId: string;
      /** The capability (job type), already evaluated. */
      readonly jobType: string;
      readonly retries: number;
      readonly customHeaders: Readonly<Record<string, string>>;
      /** Not before this epoch ms (retry back-off). */
      readonly notBefore?: number;
    }
  /** Remove a job from its queue (its element was terminated). */
  | { readonly type: 'CancelJob'; readonly jobKey: string; readonly jobType: string }
  | { readonly type: 'ScheduleTimer'; readonly timerKey: string; readonly instanceId: string; readonly elementId: string; readonly dueAt: number }
  | { readonly type: 'CancelTimer'; readonly timerKey: string }
  /**
   * Broadcast a signal to every subscription and signal start event (signal throw / end events).
   * `excludeInstanceId`: the throwing instance, whose own subscriptions already reacted in the
   * decide that threw it; the runtime skips its subscriptions (signal start events still start new instances).
   */
  | { readonly type: 'BroadcastSignal'; readonly signalName: string; readonly variables: Variables; readonly excludeInstanceId?: string }
  /** Start a child instance for a call activity. The shell resolves `processId` to its latest version. */
  | {
      readonly type: 'StartChildInstance';
      readonly childInstanceId: string;
      readonly processId: string;
      readonly variables: Variables;
      readonly parent: ParentLink;
    }
  /** Tell the parent of a call activity that this instance ended. */
  | {
      readonly type: 'NotifyParent';
      readonly parent: ParentLink;
      readonly childInstanceId: string;
      readonly outcome:
        | { readonly type: 'completed'; readonly variables: Variables }
        | { readonly type: 'terminated' }
        | { readonly type: 'error'; readonly errorCode: string; readonly errorMessage?: string; readonly variables: Variables }
        | { readonly type: 'escalation'; readonly escalationCode: string; readonly variables: Variables };
    }
  /** Cancel a child instance (its call activity was terminated). */
  | { readonly type: 'CancelChildInstance'; readonly childInstanceId: string };

export type EffectType = Effect['type'];
