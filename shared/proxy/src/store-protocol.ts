import type { ProcessStore } from '@baton/runtime';

/** Every ProcessStore method the store API serves (all but `close`, which stays local). */
export type StoreOperation = Exclude<keyof ProcessStore, 'close'>;

/** The JSON schema of one argument, as the node validates it before calling its store. */
type ArgumentSchema = Readonly<Record<string, unknown>>;

const text = { type: 'string' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const epochMs = { type: 'number' } as const;
/** A query, page, deployment, form or message: checked by the store itself, any fields. */
const record = { type: 'object', additionalProperties: true } as const;

/**
 * A commit, checked at its top level (its state, events and effects are the core's JSON,
 * which the store keeps as given). Further fields pass, so a field added to
 * `CommitRequest` travels without a change here.
 */
const commitRequest = {
  type: 'object',
  additionalProperties: true,
  required: ['instanceId', 'expectedVersion', 'state', 'events', 'outbox', 'indexChanges', 'at', 'commandId'],
  properties: {
    instanceId: text,
    expectedVersion: count,
    state: record,
    events: { type: 'array', items: record },
    outbox: { type: 'array', items: record },
    indexChanges: record,
    at: epochMs,
    commandId: text,
  },
} as const;

/**
 * One operation on the wire: the names of the method's arguments, in order, with their
 * schemas; the request body is `{ <name>: <argument> }`, and an argument in `optional`
 * may be left out (it arrives as undefined).
 */
export interface StoreOperationSpec {
  readonly args: readonly (readonly [name: string, schema: ArgumentSchema])[];
  readonly optional?: readonly string[];
}

/**
 * The store API (issue 17): `POST /v2/store/<operation>` with the arguments as a JSON
 * object, answered `200 { "value": <result> }` (`{}` when the method returns nothing or
 * undefined) or an RFC 9457 problem with the store's code (`VERSION_CONFLICT`, …). Written
 * once here: the node registers its routes from this table and the proxy store sends by
 * it, so a method added to ProcessStore fails to compile until it is listed.
 */
export const storeOperations: Readonly<Record<StoreOperation, StoreOperationSpec>> = {
  load: { args: [['instanceId', text]] },
  commit: { args: [['request', commitRequest]] },
  findUserTasks: { args: [['query', record]] },
  findJobs: { args: [['query', record]] },
  findIncidents: { args: [['query', record]] },
  findWait: { args: [['key', text]] },
  findMessageSubscriptions: { args: [['messageName', text], ['correlationKey', text]], optional: ['correlationKey'] },
  findSignalSubscriptions: { args: [['signalName', text]] },
  findInstances: { args: [['query', record]] },
  readHistory: { args: [['instanceId', text], ['page', record]] },
  saveDeployment: { args: [['deployment', record]] },
  getDeployment: { args: [['definitionKey', text]] },
  latestDeployment: { args: [['processId', text]] },
  deleteDeployment: { args: [['definitionKey', text], ['deletedAt', epochMs]] },
  listDeployments: { args: [['query', record]] },
  saveForm: { args: [['form', record]] },
  getForm: { args: [['formId', text]] },
  findMessageStartEvents: { args: [['messageName', text]] },
  findSignalStartEvents: { args: [['signalName', text]] },
  claimMessageId: { args: [['claim', record]] },
  bufferMessage: { args: [['message', record]] },
  takeBufferedMessage: { args: [['messageName', text], ['correlationKey', text], ['now', epochMs]], optional: ['correlationKey'] },
  reserveKeys: { args: [['count', { type: 'integer', minimum: 1 }]] },
  readOutbox: { args: [['query', { ...record, required: ['committedBefore', 'limit'], properties: { committedBefore: epochMs, limit: count } }]] },
  ackOutbox: { args: [['outboxIds', { type: 'array', items: text }]] },
};

/** The operations, in the table's order. */
export const storeOperationNames = Object.keys(storeOperations) as StoreOperation[];

/** Where an operation is served, below the node's URL. */
export function storeOperationPath(operation: StoreOperation): string {
  return `/v2/store/${operation}`;
}

/** The JSON schema of an operation's request body. */
export function storeRequestSchema(operation: StoreOperation): Readonly<Record<string, unknown>> {
  const { args, optional = [] } = storeOperations[operation];
  return {
    type: 'object',
    required: args.map(([name]) => name).filter((name) => !optional.includes(name)),
    properties: Object.fromEntries(args),
  };
}

/** The body of a call: each argument under its name (undefined ones left out, as JSON does). */
export function storeRequestBody(operation: StoreOperation, values: readonly unknown[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  storeOperations[operation].args.forEach(([name], index) => {
    if (values[index] !== undefined) body[name] = values[index];
  });
  return body;
}

/** The arguments of a call from its body, in the method's order. */
export function storeArguments(operation: StoreOperation, body: Readonly<Record<string, unknown>>): unknown[] {
  return storeOperations[operation].args.map(([name]) => body[name]);
}
