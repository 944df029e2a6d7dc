import type { ErrorCode } from '@baton/errors';
import type { Rejection } from '../types/decision.js';

/** A refused command: state unchanged, a code to branch on, a message saying what to do. */
export function rejection(code: ErrorCode, message: string, details: Record<string, unknown> = {}): Rejection {
  return { code, message, details };
}
