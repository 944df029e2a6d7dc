import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import mercurius from 'mercurius';

// mercurius is CommonJS: Node's ESM loader finds no named exports in it (only vitest's interop does), so take them off the default export.
const { ErrorWithProps } = mercurius;
type ErrorWithProps = InstanceType<typeof ErrorWithProps>;

/** The request headers that say who the caller is; a GraphQL call passes these, and only these, to REST. */
const credentialHeaders = ['authorization', 'cookie', 'x-api-key', 'x-csrf-token'] as const;

/** A REST call made for a GraphQL field: method, path (with query) and JSON or text body. */
export interface RestRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly payload?: unknown;
  /** Sent as this content type (a BPMN document as `application/xml`); default JSON. */
  readonly contentType?: string;
}

/** Runs one REST operation as the GraphQL caller; answers its JSON (undefined for a 204) or throws its problem as a GraphQL error. */
export type RestCaller = <T>(request: RestRequest) => Promise<T>;

/** The caller's credentials among `headers` (any case, as a connection_init payload may spell them). */
function credentialsOf(headers: Readonly<Record<string, unknown>>): Record<string, string> {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const found: Record<string, string> = {};
  for (const name of credentialHeaders) {
    const value = lower.get(name);
    if (typeof value === 'string') found[name] = value;
  }
  return found;
}

interface Problem {
  readonly code?: string;
  readonly detail?: string;
  readonly title?: string;
  readonly status?: number;
  readonly field?: string;
  /** Each invalid field of a refused body (a completion against its form). */
  readonly problems?: readonly unknown[];
}

/** A REST problem (RFC 9457) as a GraphQL error: the same message, `extensions.code` and `extensions.status`, and its `field` or `problems`. */
function graphqlErrorOf(status: number, body: string): ErrorWithProps {
  let problem: Problem = {};
  try {
    problem = JSON.parse(body) as Problem;
  } catch {
    // Not a problem document: keep the status and say so below.
  }
  const message = problem.detail ?? problem.title ?? `The REST operation answered ${status}.`;
  const { field, problems } = problem;
  return new ErrorWithProps(message, { code: problem.code ?? 'INTERNAL', status, ...(field === undefined ? {} : { field }), ...(problems === undefined ? {} : { problems }) }, status);
}

/**
 * A {@link RestCaller} that executes the contract's REST route in-process (`app.inject`)
 * with the caller's credential headers, read when each call is made (a subscription's
 * connection_init may add them after the context was built) and address. Every authentication,
 * authorization, validation and problem code is REST's: GraphQL has no side door.
 */
export function createRestCaller(app: FastifyInstance, headersOf: () => IncomingHttpHeaders | Readonly<Record<string, unknown>>, remoteAddress?: string): RestCaller {
  return async <T>({ method, url, payload, contentType }: RestRequest): Promise<T> => {
    const headers: Record<string, string> = { ...credentialsOf(headersOf()) };
    if (payload !== undefined) headers['content-type'] = contentType ?? 'application/json';
    const body = payload === undefined || typeof payload === 'string' ? payload : JSON.stringify(payload);
    // The caller's address, so REST's logs and login throttle see them, not this node.
    const res = await app.inject({ method, url, headers, ...(remoteAddress === undefined ? {} : { remoteAddress }), ...(body === undefined ? {} : { payload: body }) });
    if (res.statusCode >= 400) throw graphqlErrorOf(res.statusCode, res.body);
    if (res.statusCode === 204 || res.body === '') return undefined as T;
    return (res.headers['content-type']?.toString().includes('json') === true ? res.json() : res.body) as T;
  };
}
