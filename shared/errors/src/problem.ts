import type { ErrorDetails } from './baton-error.js';
import type { ErrorCode } from './codes.js';

/** One thing wrong with an input (a model element, a request field). */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly elementId?: string;
  readonly field?: string;
  /** The file it is in (a deployment's resource name). */
  readonly resourceName?: string;
  /** 1-based position in that file, when known. */
  readonly line?: number;
  readonly column?: number;
}

/** An RFC 9457 problem-details body with Baton's stable code. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;
  readonly problems?: readonly Problem[];
}
