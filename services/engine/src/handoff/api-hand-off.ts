import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BatonError, isBatonError } from '@baton/errors';
import type { BusSubscription, ClusterSubjects, MessageBus } from '@baton/runtime';
import { forwardedHeaders, toHttpReply, toHttpRequest, type HandedOffHttpRequest, type HandedOffHttpReply } from './http-envelope.js';
import { requiredCapability } from './required-capability.js';

/** The header naming the node that answered a handed-off request. */
export const handledByHeader = 'x-baton-handled-by';

/** Options of {@link registerApiHandOff}. */
export interface ApiHandOffOptions {
  readonly bus: MessageBus;
  readonly subjects: ClusterSubjects;
  readonly nodeId: string;
  /** This node's capabilities; a request needing one it lacks is handed off. */
  readonly capabilities: readonly string[];
  /** How long to wait for a capable peer. Default 30 000 ms. */
  readonly timeoutMs?: number;
  /** Largest body forwarded, bytes. */
  readonly bodyLimit: number;
}

async function readBody(raw: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of raw) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw new BatonError('PAYLOAD_TOO_LARGE', `The request body is over the limit of ${limit} bytes.`, { limit });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function noCapableNode(capability: string, request: FastifyRequest, timeoutMs: number, cause: unknown): BatonError {
  const what = `${request.method} ${request.url.split('?')[0] ?? ''}`;
  return new BatonError(
    'NO_CAPABLE_NODE',
    `This node lacks the "${capability}" capability that ${what} needs, and no peer with it answered within ${timeoutMs} ms; ` +
      `nothing was changed. Start a node with "${capability}" in this cluster, or send the request to one.`,
    { capability },
    { cause },
  );
}

async function handOff(options: ApiHandOffOptions, capability: string, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const body = await readBody(request.raw, options.bodyLimit);
  const envelope: HandedOffHttpRequest = {
    kind: 'http',
    fromNodeId: options.nodeId,
    method: request.method,
    url: request.url,
    headers: forwardedHeaders(request.headers),
    ...(body.length === 0 ? {} : { body: body.toString('base64') }),
  };
  let answer: unknown;
  try {
    answer = await options.bus.request(options.subjects.action(capability), envelope, { timeoutMs });
  } catch (error) {
    if (isBatonError(error) && error.code === 'NO_CAPABLE_NODE') throw noCapableNode(capability, request, timeoutMs, error);
    throw error;
  }
  const peer = toHttpReply(answer);
  if (peer === undefined) throw new BatonError('INTERNAL', `A peer sent a malformed answer to a handed-off ${request.method} request.`, { capability });
  request.log.info({ capability, peerNodeId: peer.nodeId, statusCode: peer.statusCode }, 'request handed off to a capable peer');
  return reply
    .code(peer.statusCode)
    .headers({ ...forwardedHeaders(peer.headers as Record<string, string>), [handledByHeader]: peer.nodeId })
    .send(Buffer.from(peer.body, 'base64'));
}

/**
 * API hand-off, the asking side: a request that needs a capability this node lacks
 * (every instance read or change needs `store`) is sent over the bus to the queue
 * group of capable peers, and their answer (status, headers, body) is returned as
 * is, with `x-baton-handled-by` naming the peer. No answer in time: a 503 problem
 * `NO_CAPABLE_NODE` naming the capability. Register before the routes.
 */
export function registerApiHandOff(app: FastifyInstance, options: ApiHandOffOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    const capability = requiredCapability(request.url);
    if (capability === undefined || options.capabilities.includes(capability)) return;
    return handOff(options, capability, request, reply);
  });
}

/** Options of {@link serveApiHandOff}. */
export interface ServeApiHandOffOptions {
  readonly app: FastifyInstance;
  readonly bus: MessageBus;
  readonly subjects: ClusterSubjects;
  readonly nodeId: string;
  /** Capabilities whose requests this node answers (those of its own it can serve: `store`). */
  readonly capabilities: readonly string[];
  readonly onError?: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
}

async function answer(app: FastifyInstance, nodeId: string, request: HandedOffHttpRequest): Promise<HandedOffHttpReply> {
  const response = await app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
    ...(request.body === undefined ? {} : { payload: Buffer.from(request.body, 'base64') }),
  });
  return { kind: 'http', nodeId, statusCode: response.statusCode, headers: forwardedHeaders(response.headers), body: response.rawPayload.toString('base64') };
}

/**
 * API hand-off, the capable side: joins the queue group of each capability's action
 * subject and answers handed-off requests by running them through this node's own
 * routes (so validation, auth and errors are exactly as if sent here). Resolves once
 * subscribed; `stop()` leaves.
 */
export async function serveApiHandOff(options: ServeApiHandOffOptions): Promise<{ stop(): Promise<void> }> {
  const onError = options.onError ?? (() => undefined);
  const subscriptions: BusSubscription[] = [];
  for (const capability of options.capabilities) {
    const subject = options.subjects.action(capability);
    const handle = async (message: { readonly data: unknown; respond?(data: unknown): void }): Promise<void> => {
      const request = toHttpRequest(message.data);
      if (request === undefined || message.respond === undefined) {
        onError(new Error(`Ignored a malformed API hand-off request on ${subject}.`), { subject });
        return;
      }
      message.respond(await answer(options.app, options.nodeId, request));
    };
    subscriptions.push(await options.bus.subscribe(subject, handle, { queue: subject }));
  }
  return { stop: async () => void (await Promise.all(subscriptions.map((s) => s.unsubscribe()))) };
}
