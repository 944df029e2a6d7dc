import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { createEngine, systemClock, type Clock, type JobWorker, type MessageBus } from '@baton/runtime';
import { createAdapters, createIdentityStore, type AdapterChoice, type NodeAdapters } from './adapters.js';
import type { AuthConfig } from './auth/auth-config.js';
import type { IdentityStore } from './auth/identity-store.js';
import { checkBinding } from './auth/binding.js';
import { createBusFromUrl, noStore } from './handoff/edge-bus.js';
import { createEdgeEngineApi, createNodeCluster } from './handoff/index.js';
import { readBpmnDir } from './deploy-dir.js';
import type { DeployedProcess, EngineApi } from './engine-api.js';
import { loadHandlers, toJobWorker, type JobHandler } from './load-handlers.js';
import { createRuntimeEngineApi } from './runtime-engine-api.js';
import { buildServer } from './server.js';

/** Options of {@link startNode}; `baton serve` maps its flags and env onto them. */
export interface StartNodeOptions extends AdapterChoice {
  /** Default 127.0.0.1: only this machine can reach the node unless asked otherwise. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  readonly nodeId?: string;
  /** Job types this node serves. Default: the handlers' types. When given, only handlers of these types run. */
  readonly capabilities?: readonly string[];
  /** A module mapping job types to async handlers, run in-process (see `loadHandlers`). */
  readonly handlersModule?: string;
  /** Handlers given directly (tests, embedding); merged over `handlersModule`'s. */
  readonly handlers?: Readonly<Record<string, JobHandler>>;
  /** Every `*.bpmn` under it is deployed before the node reports ready. */
  readonly deployDir?: string;
  readonly bodyLimit?: number;
  /** Default a pino JSON logger on stdout at `info`. */
  readonly logger?: Logger;
  /** Human lines (the URL, what to try); default stdout. */
  readonly print?: (line: string) => void;
  /** Stop on SIGINT/SIGTERM. Default true. */
  readonly handleSignals?: boolean;
  /**
   * Adapters the caller built and closes (embedding, tests, a node restarted on the same
   * store and queue); when given, `store`, `queue` and `bus` are not read.
   */
  readonly adapters?: NodeAdapters;
  /** Authentication and authorization (issue 7: `--identity FILE`, OIDC). Without it the node serves loopback only. */
  readonly auth?: AuthConfig;
  /**
   * With `auth`: where the admins' user and group changes are kept (the caller closes it).
   * Default: beside the store, Redis for a `redis://…` store (shared by the cluster,
   * kept across restarts), else this node's memory.
   */
  readonly identityStore?: IdentityStore;
  /** `--insecure-no-auth`: listen beyond loopback without `auth`, with a warning in the log. */
  readonly insecureNoAuth?: boolean;
  /** Bus subjects are `baton.<cluster>.…`; nodes of one cluster share it. Default `default`. */
  readonly cluster?: string;
  /** Period of this node's heartbeat on the bus. Default 2 000 ms. */
  readonly heartbeatMs?: number;
  /** How long to wait for a capable peer when handing off a request or a job. Default 30 000 ms. */
  readonly handOffTimeoutMs?: number;
  /** Wait before retrying a job whose capable peer did not answer (an edge node down). Default 5 000 ms. */
  readonly handOffRetryBackOffMs?: number;
}

/**
 * A running node. `close()` drains it: readiness 503, no new job claims, held jobs
 * finished, then the cluster, the API and the adapters (unless given) close; idempotent.
 */
export interface RunningNode {
  readonly url: string;
  readonly nodeId: string;
  readonly app: FastifyInstance;
  readonly engine: EngineApi;
  readonly deployed: readonly DeployedProcess[];
  close(): Promise<void>;
}

async function chooseWorkers(options: StartNodeOptions, logger: Logger): Promise<{ workers: Record<string, JobWorker>; capabilities: string[] }> {
  const all = { ...(options.handlersModule === undefined ? {} : await loadHandlers(options.handlersModule)), ...options.handlers };
  const capabilities = options.capabilities === undefined ? Object.keys(all) : [...options.capabilities];
  const workers: Record<string, JobWorker> = {};
  for (const [type, handler] of Object.entries(all)) {
    if (capabilities.includes(type)) workers[type] = logged(toJobWorker(handler), logger);
    else logger.warn({ jobType: type }, 'handler skipped: its job type is not among this node\'s capabilities');
  }
  for (const type of capabilities.filter((c) => all[c] === undefined)) {
    logger.info({ jobType: type }, 'capability without an in-process handler: external workers serve it');
  }
  return { workers, capabilities };
}

/** Logs each handled job with its keys (never its variables). */
function logged(worker: JobWorker, logger: Logger): JobWorker {
  return async (job) => {
    const log = logger.child({ processInstanceKey: job.instanceId, elementId: job.elementId, jobKey: job.jobKey, jobType: job.type });
    try {
      const variables = await worker(job);
      log.info('job handled in-process');
      return variables;
    } catch (error) {
      log.warn({ err: error }, 'in-process job handler failed; the job is failed with its message');
      throw error;
    }
  };
}

function tryThese(print: (line: string) => void, url: string, deployed: readonly DeployedProcess[]): void {
  const processId = deployed[0]?.processDefinitionId ?? 'order';
  print(`Baton node listening on ${url} (API docs: ${url}/docs)`);
  print('Try:');
  print(`  curl -s ${url}/v2/process-definitions`);
  print(`  curl -s -X POST ${url}/v2/process-instances -H 'content-type: application/json' -d '{"processDefinitionId":"${processId}","variables":{"amount":150}}'`);
  print(`  curl -s -X POST ${url}/v2/user-tasks/search -H 'content-type: application/json' -d '{}'`);
}

/**
 * Starts an engine node: adapters (memory by default), the engine with in-process
 * handlers, deployment of `deployDir`, then the HTTP API. Prints the URL and stops
 * cleanly on SIGINT/SIGTERM. Throws `VALIDATION_FAILED` for an unsupported adapter,
 * a bad handlers module or deploy directory, and `MODEL_INVALID` for a bad model.
 */
export async function startNode(options: StartNodeOptions = {}): Promise<RunningNode> {
  const nodeId = options.nodeId ?? `${hostname()}-${process.pid}`;
  const rootLogger = options.logger ?? pino({ level: 'info' });
  const logger = rootLogger.child({ nodeId });
  const bindingWarning = checkBinding({ host: options.host ?? '127.0.0.1', auth: options.auth, insecureNoAuth: options.insecureNoAuth });
  if (bindingWarning !== undefined) logger.warn(bindingWarning);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = systemClock();
  const onError = (error: unknown, context: Readonly<Record<string, unknown>> = {}): void => logger.error({ err: error, ...context }, 'engine error');
  const { workers, capabilities } = await chooseWorkers(options, logger);
  // An edge node (`store: 'none'`) has only the bus: its peers with the store hand it jobs and take its API calls.
  const isEdge = options.store === noStore;
  // Server warnings (Redis without AOF) go to the node's log, once each (the store and the queue check the same Redis).
  const warned = new Set<string>();
  const onWarning = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    logger.warn(message);
  };
  const adapters = options.adapters ?? (isEdge ? await edgeAdapters(options, nodeId, clock, onError) : await createAdapters(options, clock, onError, onWarning));
  const runtime = !('store' in adapters) ? undefined : createEngine({ store: adapters.store, queue: adapters.queue, bus: adapters.bus, clock, nodeId, handlers: workers, onError, ...pick(options, ['cluster']) });
  const engine = runtime === undefined ? createEdgeEngineApi(nodeId) : await createRuntimeEngineApi({ engine: runtime, bus: adapters.bus, ...pick(options, ['cluster']) });
  const cluster = createNodeCluster({
    bus: adapters.bus,
    clock,
    nodeId,
    jobTypes: capabilities,
    handlers: workers,
    onError,
    ...(runtime === undefined ? {} : { engine: runtime }),
    ...pick(options, ['cluster', 'heartbeatMs', 'handOffTimeoutMs', 'handOffRetryBackOffMs']),
  });
  let isReady = false;
  let app: FastifyInstance | undefined;
  let ownIdentityStore: IdentityStore | undefined;
  let closing: Promise<void> | undefined;
  let removeSignalHandlers = (): void => undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      // The drain (issue 8): readiness answers 503 first, so load balancers stop sending
      // new work; the node stops claiming jobs and finishes the ones it holds while its API
      // still answers; then it leaves the cluster, closes the API (requests in flight
      // complete) and the adapters. A job it cannot finish stays unacknowledged: its lock
      // expires and a peer takes it.
      isReady = false;
      removeSignalHandlers();
      await engine.close();
      await cluster.leave();
      await app?.close();
      await ownIdentityStore?.close();
      if (options.adapters === undefined) await adapters.close();
    })());
  try {
    const resources = options.deployDir === undefined ? [] : await readBpmnDir(options.deployDir);
    const deployed = resources.length === 0 ? [] : (await engine.deploy(resources, { allowNonExecutable: false })).processes;
    // Users and groups the admins change: beside the process store (an edge node has none: memory), announced on the bus.
    if (options.auth !== undefined && options.identityStore === undefined) ownIdentityStore = await createIdentityStore(isEdge ? {} : options);
    const identityStore = options.identityStore ?? ownIdentityStore;
    const identitySync = identityStore === undefined ? undefined : { store: identityStore, bus: adapters.bus, ...pick(options, ['cluster']) };
    const serverOptions = {
      ...(options.auth === undefined ? {} : { auth: options.auth, identitySync }),
      engine,
      nodeId,
      capabilities: cluster.capabilities,
      cluster: cluster.server,
      logger: rootLogger,
      isReady: () => isReady,
    };
    app = await buildServer(options.bodyLimit === undefined ? serverOptions : { ...serverOptions, bodyLimit: options.bodyLimit });
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
    await cluster.join(app, url);
    isReady = true;
    if (options.handleSignals !== false) removeSignalHandlers = stopOnSignals(close, logger, print);
    tryThese(print, url, deployed);
    return { url, nodeId, app, engine, deployed, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The bus alone, for an edge node; `close` closes it. */
async function edgeAdapters(options: StartNodeOptions, nodeId: string, clock: Clock, onError: (error: unknown) => void): Promise<{ bus: MessageBus; close(): Promise<void> }> {
  const bus = await createBusFromUrl(options.bus, nodeId, clock, onError);
  return { bus, close: () => bus.close() };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as Partial<Pick<T, K>>;
}

/** Stops the node on the first SIGINT or SIGTERM; returns the function that removes the handlers. */
function stopOnSignals(close: () => Promise<void>, logger: Logger, print: (line: string) => void): () => void {
  const stop = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'stopping');
    close().then(
      () => print('Baton node stopped.'),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}
