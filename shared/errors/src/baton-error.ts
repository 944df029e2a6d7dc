import { codes, statusOf, type ErrorCategory, type ErrorCode } from './codes.js';

/** Facts that locate a failure: which process, element, field, job. */
export interface ErrorDetails {
  readonly processId?: string;
  readonly elementId?: string;
  readonly field?: string;
  readonly [key: string]: unknown;
}

/**
 * The one error type of Baton. Callers branch on `code` (never on the message,
 * never on `instanceof` across packages). The message says what was expected,
 * what was found and what to do.
 */
export class BatonError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BatonError';
    this.code = code;
    this.details = details;
  }

  get category(): ErrorCategory {
    return codes[this.code].category;
  }

  get status(): number {
    return statusOf(this.code);
  }

  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** True for any BatonError-shaped value, even one from another copy of this package. */
export function isBatonError(value: unknown): value is BatonError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'BatonError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
