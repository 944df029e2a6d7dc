import type { FastifyInstance, InjectOptions } from 'fastify';
import { BatonError } from '@baton/errors';
import { subjectToken, type BusMessage, type MessageBus } from '@baton/runtime';
import { toProblem } from '../problem.js';
import { busApiVersion, readBusApiRequest, type BusApiReply, type BusApiRequest } from './bus-api-protocol.js';
import { busOperations, fillPath, matchesPath } from './bus-operations.js';

/** Options of {@link serveBusApi}. */
export interface ServeBusApiOptions {
  /** The node's own API: each request runs through its routes. */
  readonly app: FastifyInstance;
  readonly bus: MessageBus;
  /** Default `default`. */
  readonly cluster?: string;
  readonly nodeId: string;
  /**
   * Largest answer body sent back (bytes); a larger one is refused with a 413 problem,
   * since the bus would drop it and leave the client waiting. Default 900 000: under
   * NATS's default `max_payload` of 1 MB, with room for the envelope.
   */
  readonly maxReplyBodyBytes?: number;
  /** A request that could not be answered (the bus refused the reply). */
  readonly onError?: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
}

const defaultMaxReplyBodyBytes = 900_000;

/** A running bus client API; `stop()` leaves the queue group (requests in flight still get their answer). */
export interface BusApi {
  /** The subject pattern it answers, `baton.<cluster>.api.*`. */
  readonly subjects: string;
  stop(): Promise<void>;
}

/** The subject of `operationId` in `cluster`: `baton.<cluster>.api.<operationId>`. */
export function busApiSubject(cluster: string, operationId: string): string {
  return `baton.${subjectToken(cluster)}.api.${subjectToken(operationId)}`;
}

function problemReply(nodeId: string, error: BatonError, instance: string): BusApiReply {
  const body = toProblem(error, instance, 'bus');
  return { v: busApiVersion, status: body.status, nodeId, contentType: 'application/problem+json', body };
}

/** The inject options of `request` on `operationId`, or the refusal (as REST would refuse a malformed request). */
function toInject(operationId: string, request: BusApiRequest): InjectOptions | BatonError {
  const operation = busOperations.get(operationId);
  if (operation === undefined) {
    return new BatonError('NOT_FOUND', `No operation is named "${operationId}"; the subject's last token must be an operation id such as createProcessInstance.`, { operationId });
  }
  const method = request.method ?? operation.method;
  const filled = request.path === undefined ? fillPath(operation.path, request.params ?? {}) : { path: request.path };
  if ('missing' in filled) return new BatonError('VALIDATION_FAILED', `Operation ${operationId} (${operation.method} ${operation.path}) needs params.${filled.missing}.`, { field: `params.${filled.missing}` });
  if (method !== operation.method || !matchesPath(operation.path, filled.path)) {
    return new BatonError(
      'VALIDATION_FAILED',
      `The request names ${method} ${filled.path}, which is not operation ${operationId} (${operation.method} ${operation.path}); send it on the subject of its own operation.`,
      { operationId, field: 'path' },
    );
  }
  // The node takes an API key as a bearer token (`Bearer baton_…`), so both arrive as REST's Authorization header.
  const bearer = request.bearerToken ?? request.apiKey;
  const headers: Record<string, string> = {
    ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
    ...(request.accept === undefined ? {} : { accept: request.accept }),
  };
  const query = Object.keys(request.query ?? {}).length === 0 ? '' : `?${new URLSearchParams(request.query).toString()}`;
  const base = { method: method as 'GET', url: `${filled.path}${query}`, headers };
  if (request.bodyBase64 !== undefined) return { ...base, headers: { ...headers, 'content-type': request.contentType ?? 'application/octet-stream' }, payload: Buffer.from(request.bodyBase64, 'base64') };
  if (request.bodyText !== undefined) return { ...base, headers: { ...headers, 'content-type': request.contentType ?? 'text/plain' }, payload: request.bodyText };
  if (request.body !== undefined) return { ...base, headers: { ...headers, 'content-type': request.contentType ?? 'application/json' }, payload: JSON.stringify(request.body) };
  return base;
}

/** Runs `data` as operation `operationId` through the node's routes and says what REST would answer (a 413 problem for an answer over `maxBodyBytes`). */
export async function answerBusRequest(
  app: FastifyInstance,
  nodeId: string,
  operationId: string,
  data: unknown,
  maxBodyBytes = defaultMaxReplyBodyBytes,
): Promise<BusApiReply> {
  const request = readBusApiRequest(data);
  const instance = `bus:${operationId}`;
  if (typeof request === 'string') return problemReply(nodeId, new BatonError('VALIDATION_FAILED', `A bus API request for ${operationId} was refused: ${request}.`, { operationId }), instance);
  const options = toInject(operationId, request);
  if (options instanceof BatonError) return problemReply(nodeId, options, instance);
  const response = await app.inject(options);
  if (response.rawPayload.length > maxBodyBytes) {
    const detail = `The answer to ${operationId} is ${response.rawPayload.length} bytes, over the bus API's limit of ${maxBodyBytes}; ask for less (a smaller page.limit) or call it over HTTP.`;
    return problemReply(nodeId, new BatonError('PAYLOAD_TOO_LARGE', detail, { operationId, bytes: response.rawPayload.length, limit: maxBodyBytes }), instance);
  }
  const contentType = response.headers['content-type'];
  const type = typeof contentType === 'string' ? contentType : undefined;
  const reply: BusApiReply = { v: busApiVersion, status: response.statusCode, nodeId, ...(type === undefined ? {} : { contentType: type }) };
  if (response.payload === '') return reply;
  return { ...reply, body: type !== undefined && /[/+]json\b/.test(type) ? (JSON.parse(response.payload) as unknown) : response.payload };
}

/**
 * The bus client API (issue 14), the serving side: joins the queue group of
 * `baton.<cluster>.api.*`, so one node with the store answers each request, and runs
 * each through this node's own routes with the request's credentials as headers, so
 * authentication, authorization, validation and problem codes are REST's. Requests are
 * answered concurrently: a long poll (job activation) holds only its own reply.
 */
export async function serveBusApi(options: ServeBusApiOptions): Promise<BusApi> {
  const prefix = busApiSubject(options.cluster ?? 'default', '');
  const subjects = `${prefix}*`;
  const onError = options.onError ?? (() => undefined);
  const handle = async (message: BusMessage): Promise<void> => {
    if (message.respond === undefined) return;
    const operationId = message.subject.slice(prefix.length);
    try {
      message.respond(await answerBusRequest(options.app, options.nodeId, operationId, message.data, options.maxReplyBodyBytes));
    } catch (error) {
      onError(error, { subject: message.subject, operationId });
      message.respond(problemReply(options.nodeId, new BatonError('INTERNAL', `Node ${options.nodeId} failed to answer ${operationId}; its log has the cause.`, { operationId }), `bus:${operationId}`));
    }
  };
  const subscription = await options.bus.subscribe(subjects, handle, { queue: prefix.slice(0, -1) });
  return { subjects, stop: () => subscription.unsubscribe() };
}
