/**
 * The error-code registry: every code a caller may branch on, with its category
 * (mapped to an HTTP status in one place, {@link statusOf}) and what it means.
 * `shared/errors/README.md` lists the same codes; a test keeps both in step.
 */
export const categories = {
  'invalid-argument': 400,
  unauthenticated: 401,
  'permission-denied': 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'resource-exhausted': 429,
  'invalid-state': 409,
  unavailable: 503,
  unimplemented: 501,
  internal: 500,
} as const;

export type ErrorCategory = keyof typeof categories;

interface CodeInfo {
  readonly category: ErrorCategory;
  readonly summary: string;
}

export const codes = {
  VALIDATION_FAILED: { category: 'invalid-argument', summary: 'A request or command field is missing or malformed.' },
  MODEL_INVALID: { category: 'invalid-argument', summary: 'A BPMN model has problems; every problem names its element.' },
  MODEL_NOT_EXECUTABLE: {
    category: 'invalid-argument',
    summary: 'A process has isExecutable="false" and the caller did not ask to deploy it anyway.',
  },
  UNSUPPORTED_ELEMENT: { category: 'invalid-argument', summary: 'A BPMN element Baton does not run yet.' },
  EXPRESSION_INVALID: { category: 'invalid-argument', summary: 'A FEEL or JUEL expression cannot be parsed.' },
  EXPRESSION_FAILED: { category: 'invalid-state', summary: 'An expression could not be evaluated at run time.' },
  NOT_FOUND: { category: 'not-found', summary: 'The named resource does not exist.' },
  DEFINITION_NOT_FOUND: { category: 'not-found', summary: 'No deployed process definition has that id or key.' },
  INSTANCE_NOT_FOUND: { category: 'not-found', summary: 'No process instance has that key.' },
  JOB_NOT_OPEN: { category: 'not-found', summary: 'The job is not open: completed, failed, cancelled or unknown.' },
  STALE_COMMAND: {
    category: 'conflict',
    summary: 'The command names a wait that is no longer open (a late timer, a second completion).',
  },
  TASK_ALREADY_ASSIGNED: {
    category: 'invalid-state',
    summary: 'An assignment with allowOverride false found the user task assigned to someone else.',
  },
  INSTANCE_NOT_ACTIVE: { category: 'invalid-state', summary: 'The process instance has already ended.' },
  DEFINITION_IN_USE: { category: 'invalid-state', summary: 'The process definition still has active instances: cancel or finish them before deleting it.' },
  VERSION_CONFLICT: { category: 'conflict', summary: 'Someone committed first; reload and decide again.' },
  ALREADY_EXISTS: { category: 'conflict', summary: 'A create named an id that is taken (a user, group): pick another id or update the existing one.' },
  MESSAGE_ALREADY_PUBLISHED: {
    category: 'conflict',
    summary: 'A message with this messageId, name and correlation key was published within its timeToLive; it is not published again.',
  },
  UNAUTHENTICATED: { category: 'unauthenticated', summary: 'The request carries no valid credentials.' },
  FORBIDDEN: { category: 'permission-denied', summary: 'The caller may not do this to this object.' },
  PAYLOAD_TOO_LARGE: { category: 'too-large', summary: 'The request body is over the limit.' },
  TOO_MANY_REQUESTS: {
    category: 'resource-exhausted',
    summary: 'Too many attempts (failed logins) for this user or client; wait for Retry-After seconds.',
  },
  NO_CAPABLE_NODE: { category: 'unavailable', summary: 'No node with the needed capability answered in time.' },
  STORE_UNAVAILABLE: { category: 'unavailable', summary: 'The state store cannot be reached.' },
  STORE_FULL: { category: 'unavailable', summary: 'The store has no room for the write (a page\'s Web Storage quota); nothing of it was written.' },
  SERVER_UNAVAILABLE: { category: 'unavailable', summary: 'A server the node or a test needs could not be started or reached.' },
  STORE_DATA_LOST: { category: 'unavailable', summary: 'The store lost its data (its epoch marker is gone or another): logged by each node, which re-applies --deploy.' },
  SHUTDOWN_FORCED: { category: 'unavailable', summary: 'A node did not drain and close within its shutdown grace; it dropped its connections and exits non-zero.' },
  STORE_FORMAT_OLD: {
    category: 'unavailable',
    summary: 'The store holds data written before numeric keys (Baton before issue 13); the node refuses to start on it. Point --store at an empty database (e.g. redis://host:6379/1) or flush the old one.',
  },
  HISTORY_UNREADABLE: {
    category: 'invalid-state',
    summary: 'A history holds an event type or version this Baton has no applier for (written by a newer Baton, or not Baton\'s); replay it with the version that wrote it or newer.',
  },
  KEY_SPACE_EXHAUSTED: { category: 'invalid-state', summary: 'An instance minted all 33,554,431 keys it can hold; start a new instance to continue.' },
  STEP_LIMIT_EXCEEDED: {
    category: 'invalid-state',
    summary: 'One command ran too many element steps without reaching a wait state: the model loops.',
  },
  VARIABLE_LIMIT_EXCEEDED: {
    category: 'invalid-argument',
    summary: 'Variables over a limit (nesting depth, JSON size, entries per object or array); details name the limit and the path.',
  },
  NOT_IMPLEMENTED: {
    category: 'unimplemented',
    summary: 'A Camunda 8.8 REST operation Baton does not serve (yet); the problem names the operation.',
  },
  CLOCK_CONTROL_DISABLED: {
    category: 'permission-denied',
    summary: 'PUT /v2/clock or POST /v2/clock/reset on a node started without --enable-clock-control.',
  },
  INTERNAL: { category: 'internal', summary: 'A bug: the message says where.' },
} as const satisfies Record<string, CodeInfo>;

export type ErrorCode = keyof typeof codes;

/** The HTTP status for a code, decided by its category only. */
export function statusOf(code: ErrorCode): number {
  return categories[codes[code].category];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(codes, value);
}
