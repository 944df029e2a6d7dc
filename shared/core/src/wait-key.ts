import { assertNever } from './assert-never.js';
import type { Wait } from './types/state.js';

/** The key a wait is known by: its jobKey, userTaskKey, timerKey or subscriptionKey. */
export function waitKeyOf(wait: Wait): string {
  switch (wait.kind) {
    case 'job':
      return wait.jobKey;
    case 'userTask':
      return wait.userTaskKey;
    case 'timer':
      return wait.timerKey;
    case 'message':
    case 'signal':
      return wait.subscriptionKey;
    default:
      return assertNever(wait);
  }
}
