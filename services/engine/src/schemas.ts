/**
 * JSON schemas shared by the routes. They validate requests (ajv, through Fastify)
 * and feed the OpenAPI document (@fastify/swagger), so both always agree.
 */

/** `$id` of the problem-details schema registered with `app.addSchema`. */
export const problemSchemaId = 'ProblemDetails';

export const problemSchema = {
  $id: problemSchemaId,
  type: 'object',
  description: 'RFC 9457 problem details with Baton\'s stable `code` (see shared/errors/README.md).',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable error code, e.g. NOT_FOUND, STALE_COMMAND, VALIDATION_FAILED.' },
    details: { type: 'object', additionalProperties: true },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          elementId: { type: 'string' },
          processId: { type: 'string' },
          field: { type: 'string' },
          severity: { type: 'string' },
          resourceName: { type: 'string', description: 'The deployed file the problem is in.' },
          line: { type: 'integer', description: '1-based line in that file, when the XML reader gives one.' },
          column: { type: 'integer' },
        },
      },
    },
  },
} as const;

const problemResponse = {
  description: 'A problem (RFC 9457) with a stable `code`.',
  content: { 'application/problem+json': { schema: { $ref: `${problemSchemaId}#` } } },
} as const;

/** The error responses every route may give. */
export const errorResponses = { '4xx': problemResponse, '5xx': problemResponse } as const;

/** A contract operation's Fastify schema (`@baton/api`) with the error answers every route may give. */
export function schemaOf<Op extends { readonly schema: { readonly response: object } }>(op: Op) {
  return { ...op.schema, response: { ...op.schema.response, ...errorResponses } };
}

/** Process variables: any JSON object. */
export const variablesSchema = {
  type: 'object',
  additionalProperties: true,
  description: 'Process variables (a JSON object).',
} as const;

/** A key in a path: a non-empty string (keys are strings, as in Camunda 8). */
export function keyParams<const Name extends string>(name: Name) {
  return {
    type: 'object',
    required: [name],
    properties: { [name]: { type: 'string', minLength: 1 } } as Record<Name, { type: 'string'; minLength: 1 }>,
  } as const;
}

/**
 * `tenantId` in a request body, as Camunda's clients send it (`<default>` unless told
 * otherwise). Baton runs without multi-tenancy: only the default tenant exists, so any
 * other tenant is refused rather than silently ignored.
 */
export const tenantIdSchema = {
  type: 'string',
  enum: ['<default>'],
  description: 'The tenant; multi-tenancy is off, so only "<default>".',
} as const;

/** A 204 answer with no body. */
export const noContent = { 204: { type: 'null', description: 'Done.' } } as const;

/** Milliseconds, as Camunda's `timeout`, `requestTimeout`, `timeToLive`. */
export const millisSchema = { type: 'integer', minimum: 0 } as const;

/** Search answers: Camunda's `{ items, page: { totalItems } }`. */
export function searchResult(item: object) {
  return {
    type: 'object',
    required: ['items', 'page'],
    properties: {
      items: { type: 'array', items: item },
      page: { type: 'object', properties: { totalItems: { type: 'integer' } } },
    },
  } as const;
}

/** Builds a search answer from a full list. */
export function toSearchResult<T>(items: readonly T[]): { items: readonly T[]; page: { totalItems: number } } {
  return { items, page: { totalItems: items.length } };
}
