import { BatonError, isErrorCode, type ErrorCode, type ErrorDetails } from '@baton/errors';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The engine node, e.g. `http://127.0.0.1:8080` (a trailing slash is ignored). */
  readonly baseUrl: string;
  /** Sent as header `x-api-key`. */
  readonly apiKey?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly bearerToken?: string;
  /** How long one request may take (ms), default 30 s; a long poll adds its own wait on top. */
  readonly timeoutMs?: number;
  /** A `fetch` to use instead of the global one (tests, proxies). */
  readonly fetch?: typeof fetch;
}

/** Per-call options every client method accepts. */
export interface CallOptions {
  /** Aborts the call; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** One request as the client methods describe it to {@link createTransport}. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** JSON-encoded unless it is FormData (multipart) or `contentType` names a text type. */
  readonly body?: unknown;
  readonly contentType?: string;
  readonly accept?: 'json' | 'text';
  /** Added to the client's `timeoutMs` (long polls). */
  readonly extraTimeoutMs?: number;
  readonly signal?: AbortSignal | undefined;
}

/** Sends one request; resolves with the parsed body (undefined for 204), rejects with a BatonError. */
export type Transport = <T>(request: HttpRequest) => Promise<T>;

const defaultTimeoutMs = 30_000;

/** The code to use when a non-2xx answer carries no known `code`, by HTTP status. */
function codeOfStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'STALE_COMMAND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 502:
    case 503:
    case 504:
      return 'SERVER_UNAVAILABLE';
    default:
      return status >= 400 && status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL';
  }
}

interface ProblemBody {
  readonly code?: unknown;
  readonly detail?: unknown;
  readonly title?: unknown;
  readonly details?: unknown;
  readonly problems?: unknown;
  readonly instance?: unknown;
}

function parseProblem(text: string): ProblemBody {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as ProblemBody) : {};
  } catch {
    return {};
  }
}

/**
 * Turns a non-2xx answer into a BatonError: the server's `code` when it is a known one
 * (else one chosen by status), the problem's `detail` as message, and the status,
 * method, path, the server's details and the problem list in `details`.
 */
async function problemError(response: Response, method: string, path: string): Promise<BatonError> {
  const text = await response.text().catch(() => '');
  const problem = parseProblem(text);
  const code = isErrorCode(problem.code) ? problem.code : codeOfStatus(response.status);
  const serverDetails = typeof problem.details === 'object' && problem.details !== null ? (problem.details as ErrorDetails) : {};
  const details: ErrorDetails = {
    ...serverDetails,
    status: response.status,
    method,
    path,
    ...(typeof problem.code === 'string' && problem.code !== code ? { serverCode: problem.code } : {}),
    ...(Array.isArray(problem.problems) ? { problems: problem.problems } : {}),
  };
  const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : '';
  const message = detail !== '' ? detail : `${method} ${path} answered ${response.status} ${response.statusText}${text ? `: ${text.slice(0, 200)}` : ''}`;
  return new BatonError(code, message, details);
}

function encodeBody(request: HttpRequest): { body?: NonNullable<RequestInit['body']>; headers: Record<string, string> } {
  if (request.body === undefined) return { headers: {} };
  if (request.body instanceof FormData) return { body: request.body, headers: {} };
  if (request.contentType !== undefined) return { body: request.body as string, headers: { 'content-type': request.contentType } };
  return { body: JSON.stringify(request.body), headers: { 'content-type': 'application/json' } };
}

function buildUrl(baseUrl: string, request: HttpRequest): string {
  const query = Object.entries(request.query ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const search = query.length === 0 ? '' : `?${new URLSearchParams(query).toString()}`;
  return `${baseUrl}${request.path}${search}`;
}

function unreachable(error: unknown, url: string, method: string, timeoutMs: number): BatonError {
  const isTimeout = error instanceof Error && error.name === 'TimeoutError';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const why = isTimeout ? `no answer within ${timeoutMs} ms` : cause instanceof Error ? cause.message : String(cause);
  return new BatonError(
    'SERVER_UNAVAILABLE',
    `Could not reach the Baton node: ${method} ${url} failed (${why}). Check that the node runs and that baseUrl is right.`,
    { url, method },
    { cause: error },
  );
}

async function readBody<T>(response: Response, accept: 'json' | 'text'): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (accept === 'text') return text as T;
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/**
 * The HTTP transport under every client method: base URL, auth headers, a timeout per
 * request, and the error contract (problem+json → BatonError with the server's code;
 * no answer → SERVER_UNAVAILABLE with the cause; a caller's abort → the signal's reason).
 */
export function createTransport(options: ClientOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const auth: Record<string, string> = {
    ...(options.apiKey === undefined ? {} : { 'x-api-key': options.apiKey }),
    ...(options.bearerToken === undefined ? {} : { authorization: `Bearer ${options.bearerToken}` }),
  };
  return async <T>(request: HttpRequest): Promise<T> => {
    const url = buildUrl(baseUrl, request);
    const limitMs = timeoutMs + (request.extraTimeoutMs ?? 0);
    const timeout = AbortSignal.timeout(limitMs);
    const signal = request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal]);
    const { body, headers } = encodeBody(request);
    const accept = request.accept ?? 'json';
    let response: Response;
    try {
      response = await doFetch(url, {
        method: request.method,
        headers: { ...auth, ...headers, accept: accept === 'json' ? 'application/json, application/problem+json' : 'text/xml, */*' },
        ...(body === undefined ? {} : { body }),
        signal,
      });
    } catch (error) {
      if (request.signal?.aborted === true) throw request.signal.reason;
      throw unreachable(error, url, request.method, limitMs);
    }
    if (!response.ok) throw await problemError(response, request.method, request.path);
    try {
      return await readBody<T>(response, accept);
    } catch (error) {
      if (request.signal?.aborted === true) throw request.signal.reason;
      if (!(error instanceof SyntaxError)) throw unreachable(error, url, request.method, limitMs);
      throw new BatonError('INTERNAL', `${request.method} ${url} answered ${response.status} with a body that is not JSON.`, { url, method: request.method }, { cause: error });
    }
  };
}
