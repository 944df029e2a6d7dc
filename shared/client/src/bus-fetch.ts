import { isBatonError, type ErrorCode, type ErrorDetails } from '@baton/errors';
import { busOperationOf } from './bus-operations.js';

/**
 * What the bus client needs of a bus: a `MessageBus` of @baton/runtime (NATS, Faye, in
 * memory) fits. `request` rejects with a BatonError `NO_CAPABLE_NODE` when nobody answers.
 */
export interface BusConnection {
  request(subject: string, data: unknown, options: { readonly timeoutMs: number }): Promise<unknown>;
  close(): Promise<void>;
}

/** Options of {@link createBusFetch}. */
export interface BusFetchOptions {
  readonly bus: BusConnection;
  /** Requests go to `baton.<cluster>.api.<operationId>`. */
  readonly cluster: string;
  /** The prefix of every URL the client builds; the rest is the path and query. */
  readonly baseUrl: string;
  /** How long one request may wait for its answer; a long poll adds its own wait. */
  readonly timeoutMs: number;
}

/** What the node waits at most in a long poll that names no `requestTimeout` (ms), as the HTTP client assumes. */
const serverDefaultWaitMs = 10_000;

/** Subject tokens may not hold `.`, `*`, `>` or white space; the node makes them `_` too. */
const token = (text: string): string => text.replace(/[.*>\s]/g, '_');

function problemResponse(status: number, code: ErrorCode, detail: string, details: ErrorDetails): Response {
  const body = { type: 'about:blank', title: code, status, code, detail, details };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** The body fields of a bus request: JSON as JSON, text as text, multipart as base64 with its boundary. */
async function bodyFields(body: RequestInit['body'], contentType: string | null): Promise<Record<string, unknown>> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'string') {
    const encoded = new Response(body);
    return { contentType: encoded.headers.get('content-type') ?? 'application/octet-stream', bodyBase64: toBase64(new Uint8Array(await encoded.arrayBuffer())) };
  }
  if (contentType === null || contentType.includes('json')) return { body: JSON.parse(body) as unknown };
  return { contentType, bodyText: body };
}

/** A long poll holds its answer up to its `requestTimeout`, so the wait for it grows by as much. */
function longPollMs(operationId: string, fields: Record<string, unknown>): number {
  const body = (typeof fields['body'] === 'object' && fields['body'] !== null ? fields['body'] : {}) as { awaitCompletion?: unknown; requestTimeout?: unknown };
  const isLongPoll = operationId === 'activateJobs' || (operationId === 'createProcessInstance' && body.awaitCompletion === true);
  if (!isLongPoll) return 0;
  return typeof body.requestTimeout === 'number' && body.requestTimeout > 0 ? body.requestTimeout : serverDefaultWaitMs;
}

interface BusReply {
  readonly status: number;
  readonly contentType?: string;
  readonly body?: unknown;
}

function isBusReply(data: unknown): data is BusReply {
  if (typeof data !== 'object' || data === null) return false;
  const { status, contentType } = data as Record<string, unknown>;
  return typeof status === 'number' && status >= 200 && status <= 599 && (contentType === undefined || typeof contentType === 'string');
}

function toResponse(reply: BusReply): Response {
  const headers: Record<string, string> = reply.contentType === undefined ? {} : { 'content-type': reply.contentType };
  if (reply.body === undefined || reply.status === 204) return new Response(null, { status: reply.status, headers });
  const isText = typeof reply.body === 'string' && !(reply.contentType ?? '').includes('json');
  return new Response(isText ? (reply.body as string) : JSON.stringify(reply.body), { status: reply.status, headers });
}

function whenAborted(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal?.aborted === true) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * A `fetch` that carries each request of the HTTP client over the bus instead: the
 * request on `baton.<cluster>.api.<operationId>` (protocol version 1, see the engine's
 * bus-api README), the node's `{ status, body }` back as a Response. So the HTTP
 * transport's contract holds unchanged, problem codes included. No answer in time is a
 * 503 problem `NO_CAPABLE_NODE`; a route the bus API does not name, 501 `NOT_IMPLEMENTED`.
 */
export function createBusFetch(options: BusFetchOptions): typeof fetch {
  const prefix = `baton.${token(options.cluster)}.api.`;
  return async (input, init = {}) => {
    const [path = '', search = ''] = String(input).slice(options.baseUrl.length).split('?');
    const method = init.method ?? 'GET';
    const operationId = busOperationOf(method, path);
    if (operationId === undefined) {
      return problemResponse(501, 'NOT_IMPLEMENTED', `The bus client API has no operation for ${method} ${path}; call it over HTTP.`, { method, path });
    }
    const headers = new Headers(init.headers);
    const fields = await bodyFields(init.body, headers.get('content-type'));
    const bearer = /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1];
    const query = search === '' ? {} : { query: Object.fromEntries(new URLSearchParams(search)) };
    const request = {
      v: 1,
      method,
      path,
      ...query,
      ...fields,
      ...(headers.has('accept') ? { accept: headers.get('accept') } : {}),
      ...(headers.has('x-api-key') ? { apiKey: headers.get('x-api-key') } : {}),
      ...(bearer === undefined ? {} : { bearerToken: bearer }),
    };
    const subject = `${prefix}${token(operationId)}`;
    const timeoutMs = options.timeoutMs + longPollMs(operationId, fields);
    let reply: unknown;
    try {
      reply = await Promise.race([options.bus.request(subject, request, { timeoutMs }), whenAborted(init.signal)]);
    } catch (error) {
      if (!isBatonError(error) || error.code !== 'NO_CAPABLE_NODE') throw error;
      return problemResponse(
        503,
        'NO_CAPABLE_NODE',
        `No Baton node answered ${operationId} on "${subject}": none with a store serves cluster "${options.cluster}" on this bus, or none answered within ${timeoutMs} ms. ` +
          'Start a node with a store on this bus and cluster (--bus, --cluster); if a node was only slow, the request may still take effect.',
        { subject, operationId, timeoutMs },
      );
    }
    if (!isBusReply(reply)) return problemResponse(502, 'INTERNAL', `The node's answer to ${operationId} on "${subject}" is not a bus API reply.`, { subject, operationId });
    return toResponse(reply);
  };
}
