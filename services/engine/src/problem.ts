import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isBatonError, statusOf, type ErrorCode, type ErrorDetails, type Problem, type ProblemDetails } from '@baton/errors';

/** The media type of every error body (RFC 9457). */
export const problemMediaType = 'application/problem+json';

/** An RFC 9457 problem as this node sends it: always names the request path in `instance`. */
export type HttpProblem = ProblemDetails & { readonly instance: string };

interface ValidationIssue {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message?: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** With ajv's `verbose`: the schema holding the failed keyword. */
  readonly parentSchema?: { readonly properties?: Readonly<Record<string, unknown>> };
}

/** What is wrong, for the problem's message: an unknown field says which fields there are. */
function issueText(issue: ValidationIssue): string {
  const allowed = issue.params['allowedValues'];
  if (issue.keyword === 'enum' && Array.isArray(allowed)) return `must be one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}`;
  if (issue.keyword !== 'additionalProperties') return issue.message ?? 'is invalid';
  const known = Object.keys(issue.parentSchema?.properties ?? {});
  const expected = known.length === 0 ? 'no fields' : `one of ${known.map((name) => `"${name}"`).join(', ')}`;
  return `is not a field of this request (expected ${expected}); check its spelling`;
}

/** `VALIDATION_FAILED` → `Validation failed`. */
function titleOf(code: ErrorCode): string {
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function problem(code: ErrorCode, detail: string, instance: string, extra: Partial<ProblemDetails> = {}): HttpProblem {
  return { type: `urn:baton:error:${code}`, title: titleOf(code), status: statusOf(code), detail, instance, code, ...extra };
}

/** The field an ajv error is about, dotted (`variables.amount`), including the missing or extra property. */
function fieldOf(issue: ValidationIssue): string {
  const path = issue.instancePath.split('/').filter((part) => part !== '');
  const named = issue.params['missingProperty'] ?? issue.params['additionalProperty'];
  if (typeof named === 'string') path.push(named);
  return path.join('.');
}

function validationProblem(error: FastifyError, instance: string): HttpProblem {
  const part = error.validationContext ?? 'body';
  const issues = (error.validation ?? []) as readonly ValidationIssue[];
  const problems: Problem[] = issues.map((issue) => {
    const field = fieldOf(issue);
    const where = field === '' ? part : `${part} field "${field}"`;
    return { code: 'VALIDATION_FAILED', field: field === '' ? part : field, message: `${where} ${issueText(issue)}` };
  });
  const first = problems[0];
  const detail = first ? `Invalid request: ${first.message}.` : `Invalid request ${part}: ${error.message}`;
  const details: ErrorDetails = first?.field === undefined ? { part } : { part, field: first.field };
  return problem('VALIDATION_FAILED', detail, instance, { details, problems });
}

function batonProblem(error: { code: ErrorCode; message: string; details: ErrorDetails }, instance: string): HttpProblem {
  const { problems, ...details } = error.details;
  const extra: Partial<ProblemDetails> = { details };
  return problem(error.code, error.message, instance, Array.isArray(problems) ? { ...extra, problems: problems as Problem[] } : extra);
}

/**
 * Maps anything thrown while serving a request to a problem: a BatonError by its code
 * (status from `statusOf`), a schema violation to `VALIDATION_FAILED` naming the field,
 * an oversized body to `PAYLOAD_TOO_LARGE`, other client errors to `VALIDATION_FAILED`,
 * and the rest to `INTERNAL` without leaking the message.
 */
export function toProblem(error: unknown, instance: string, requestId: string): HttpProblem {
  if (isBatonError(error)) return batonProblem(error, instance);
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) return validationProblem(fastifyError as FastifyError, instance);
  const statusCode = fastifyError.statusCode ?? 500;
  if (statusCode === 413) {
    return problem('PAYLOAD_TOO_LARGE', `The request body is over the limit: ${fastifyError.message ?? ''}`.trim(), instance);
  }
  if (statusCode === 404) return problem('NOT_FOUND', fastifyError.message ?? 'Not found.', instance);
  if (statusCode >= 400 && statusCode < 500) {
    return problem('VALIDATION_FAILED', fastifyError.message ?? 'The request is malformed.', instance);
  }
  return problem('INTERNAL', `Internal error while serving request ${requestId}; the node's log has the cause.`, instance);
}

/** Sends `problem` as `application/problem+json` and remembers its code for the metrics. */
export function sendProblem(reply: FastifyReply, body: HttpProblem): FastifyReply {
  reply.request.problemCode = body.code;
  return reply.code(body.status).type(problemMediaType).send(body);
}

/** The single error handler of the node: one mapping, one log line per failure. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = toProblem(error, request.url, request.id);
  if (body.status >= 500) request.log.error({ err: error, code: body.code }, 'request failed');
  else request.log.info({ code: body.code, status: body.status }, body.detail);
  return sendProblem(reply, body);
}

/** Unknown routes answer a NOT_FOUND problem that points at the API document. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const detail = `No route ${request.method} ${request.url.split('?')[0] ?? ''}; the API is described at /openapi.json and /docs.`;
  return sendProblem(reply, problem('NOT_FOUND', detail, request.url));
}
