import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActivatedJob } from '../types.js';

/** A request as the fake node received it. */
export interface Recorded {
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** The body parsed as JSON, when it was JSON. */
  readonly json: unknown;
}

/** A scripted answer. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly contentType?: string;
}

/**
 * A tiny real HTTP server on 127.0.0.1 that mimics the engine's routes the client uses:
 * scripted answers per `METHOD /path`, 204 for job outcomes, and a long-polling
 * `POST /v2/jobs/activation` fed by `pushJobs`. It is a unit-test double of the node's
 * HTTP behaviour, not of the engine.
 */
export interface FakeNode {
  readonly url: string;
  readonly requests: readonly Recorded[];
  /** Activation requests being held open now. */
  readonly openActivations: number;
  /** Answers `method path` with `reply` (or what `reply` returns) from now on. */
  on(method: string, path: string, reply: Reply | ((request: Recorded) => Reply)): void;
  /** Queues jobs; held activation requests get them at once. */
  pushJobs(...jobs: ActivatedJob[]): void;
  /** Resolves once `condition` holds; re-checked after every request and every closed connection. */
  until(condition: () => boolean): Promise<void>;
  /** The recorded requests of `method path`. */
  received(method: string, path: string): readonly Recorded[];
  close(): Promise<void>;
}

interface HeldActivation {
  readonly max: number;
  readonly res: ServerResponse;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function record(req: IncomingMessage): Promise<Recorded> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://fake');
  return { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, json: parseJson(body) };
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  const isText = typeof reply.body === 'string';
  res.writeHead(reply.status, { 'content-type': reply.contentType ?? (isText ? 'text/plain' : 'application/json') });
  res.end(isText ? reply.body : JSON.stringify(reply.body));
}

const notFound = (path: string): Reply => ({
  status: 404,
  contentType: 'application/problem+json',
  body: { type: 'urn:baton:error:NOT_FOUND', title: 'Not found', status: 404, detail: `No route ${path}`, code: 'NOT_FOUND' },
});

/** Starts a fake node on a free loopback port. */
export async function startFakeNode(): Promise<FakeNode> {
  const requests: Recorded[] = [];
  const replies = new Map<string, Reply | ((request: Recorded) => Reply)>();
  const jobs: ActivatedJob[] = [];
  const held: HeldActivation[] = [];
  const waiters = new Set<{ condition: () => boolean; resolve: () => void }>();
  const changed = (): void => {
    for (const waiter of [...waiters]) {
      if (!waiter.condition()) continue;
      waiters.delete(waiter);
      waiter.resolve();
    }
  };
  const serveHeld = (): void => {
    while (jobs.length > 0 && held.length > 0) {
      const next = held.shift() as HeldActivation;
      send(next.res, { status: 200, body: { jobs: jobs.splice(0, next.max) } });
    }
  };
  const activate = (request: Recorded, res: ServerResponse): void => {
    const max = (request.json as { maxJobsToActivate: number }).maxJobsToActivate;
    const entry = { max, res };
    held.push(entry);
    res.once('close', () => {
      const index = held.indexOf(entry);
      if (index >= 0) held.splice(index, 1);
      changed();
    });
    serveHeld();
  };
  const server = createServer((req, res) => {
    void record(req).then((request) => {
      requests.push(request);
      const scripted = replies.get(`${request.method} ${request.path}`);
      if (scripted !== undefined) send(res, typeof scripted === 'function' ? scripted(request) : scripted);
      else if (request.method === 'POST' && request.path === '/v2/jobs/activation') activate(request, res);
      else if (request.method === 'POST' && /^\/v2\/jobs\/[^/]+\/(completion|failure|error)$/.test(request.path)) send(res, { status: 204 });
      else send(res, notFound(request.path));
      changed();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get openActivations() {
      return held.length;
    },
    on: (method, path, reply) => replies.set(`${method} ${path}`, reply),
    pushJobs: (...more) => {
      jobs.push(...more);
      serveHeld();
    },
    until: (condition) =>
      condition()
        ? Promise.resolve()
        : new Promise((resolve) => {
            waiters.add({ condition, resolve });
          }),
    received: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    close: () =>
      new Promise((resolve) => {
        for (const entry of held.splice(0)) entry.res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An activated job with sensible defaults. */
export function activatedJob(overrides: Partial<ActivatedJob> = {}): ActivatedJob {
  return {
    jobKey: 'job-1',
    type: 'charge-card',
    processInstanceKey: 'pi-1',
    processDefinitionId: 'order',
    processDefinitionKey: 'pd-1',
    elementId: 'charge',
    elementInstanceKey: 'ei-1',
    variables: { amount: 150 },
    customHeaders: { currency: 'EUR' },
    worker: 'w',
    retries: 3,
    deadline: 1_700_000_030_000,
    processDefinitionVersion: 1,
    tenantId: '<default>',
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
    ...overrides,
  };
}
