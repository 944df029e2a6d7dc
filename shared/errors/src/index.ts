export { categories, codes, statusOf, isErrorCode, type ErrorCategory, type ErrorCode } from './codes.js';
export { BatonError, isBatonError, type ErrorDetails } from './baton-error.js';
export type { Problem, ProblemDetails } from './problem.js';
