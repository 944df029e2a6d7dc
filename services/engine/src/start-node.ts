import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { decide, defaultExpressionLimits, type ExpressionLimits } from '@baton/core';
import { BatonError } from '@baton/errors';
import { ControlledClock, createEngine, systemClock, variableLimitsOf, type Clock, type JobWorker, type MessageBus, type VariableLimits } from '@baton/runtime';
import { createAdapters, createIdentityStore, type AdapterChoice, type NodeAdapters } from './adapters.js';
import type { AuthConfig } from './auth/auth-config.js';
import type { IdentityStore } from './auth/identity-store.js';
import { checkBinding } from './auth/binding.js';
import { publicDemoAccounts } from './auth/demo-identity.js';
import { defaultWebRoot } from './web-app.js';
import { createBusFromUrl, noStore } from './handoff/edge-bus.js';
import { createEdgeEngineApi, createNodeCluster } from './handoff/index.js';
import { readBpmnDir } from './deploy-dir.js';
import type { DeploymentProcessResult as DeployedProcess, DeploymentResult } from '@baton/api';
import type { EngineApi } from './engine-api.js';
import { loadHandlers, toJobWorker, type JobHandler } from './load-handlers.js';
import { followStoreClock } from './clock-follow.js';
import { engineErrorLog } from './engine-log.js';
import { createRuntimeEngineApi } from './runtime-engine-api.js';
import { buildServer } from './server.js';
import { serveBusApi, type BusApi } from './bus-api/index.js';
import { watchBus } from './health/bus-watch.js';
import { createReadiness, flagCheck, type Readiness } from './health/readiness.js';
import { watchStore, type StoreWatch } from './health/store-watch.js';
import { closeWithin } from './close-within.js';
import type { BusConnectionChange } from './handoff/edge-bus.js';

const defaultShutdownGraceMs = 80_000;

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
  /**
   * Lets `PUT /v2/clock` pin the engine's clock (timers, job timeouts, back-offs) and
   * `POST /v2/clock/reset` release it, for tests (Camunda's `zeebe.clock.controlled`).
   * Needs the in-memory queue: BullMQ times delayed jobs by the host clock.
   */
  readonly enableClockControl?: boolean;
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
  /**
   * Limits on each variables document a request or an in-process handler hands in (issue 12):
   * over them, a 400 (or an incident) with VARIABLE_LIMIT_EXCEEDED. Missing fields take `defaultVariableLimits`.
   */
  readonly variableLimits?: Partial<VariableLimits>;
  /** How long to wait for a capable peer when handing off a request or a job. Default 30 000 ms. */
  readonly handOffTimeoutMs?: number;
  /** Wait before retrying a job whose capable peer did not answer (an edge node down). Default 5 000 ms. */
  readonly handOffRetryBackOffMs?: number;
  /**
   * How long `close()` may take (drain, then connections); past it the node drops its
   * connections and `close()` rejects with SHUTDOWN_FORCED. Default 80 000 ms, below the
   * 90 s grace of the shipped manifests.
   */
  readonly shutdownGraceMs?: number;
  /**
   * With a Redis store the node keeps Redis `TIME` (issue 12, finding 8): it measures its
   * host clock's offset at start and every 30 s and corrects its time by it. Beyond this
   * offset it also warns and readiness is DOWN (a host time sync to fix); 0 never. Default 2 000 ms.
   */
  readonly maxClockSkewMs?: number;
  /**
   * Bounds on each expression evaluation (steps, result size, depth: counts, never time);
   * a hit is an incident on the element (issue 12). Missing fields take `defaultExpressionLimits`.
   */
  readonly expressionLimits?: Partial<ExpressionLimits>;
  /**
   * How often the node re-runs effects left in the outbox (a node died between a commit
   * and its dispatch); each sweep takes entries at least this old. Default 5 000 ms.
   */
  readonly outboxSweepMs?: number;
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
  /** The checks behind `/health/ready`; add one (say, clock skew) with `readiness.add`. */
  readonly readiness: Readiness;
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

/** The processes of a deployment answer (its forms left out). */
function processesOf(result: DeploymentResult): DeployedProcess[] {
  return result.deployments.flatMap((item) => ('processDefinition' in item ? [item.processDefinition] : []));
}

/** Where a person on this machine reaches a node bound to `host` (a wildcard address is not one to browse to). */
export function localUrlOf(host: string, port: number | undefined): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port ?? ''}`;
}

interface Banner {
  readonly url: string;
  readonly deployed: readonly DeployedProcess[];
  readonly webApp: boolean;
  readonly auth: AuthConfig | undefined;
}

/** The startup banner: where the API, its docs and the web app are, and commands that work against this node as configured. */
function tryThese(print: (line: string) => void, { url, deployed, webApp, auth }: Banner): void {
  const processId = deployed[0]?.processDefinitionId ?? 'order';
  print(`Baton node listening on ${url} (API docs: ${url}/docs)`);
  if (webApp) print(`Task list: ${url}/   Operations: ${url}/#/ops   Definitions: ${url}/#/definitions`);
  const published = auth?.identity === undefined ? [] : publicDemoAccounts(auth.identity);
  const demo = (auth?.identity?.users ?? []).map((user) => user.username).filter((name) => published.includes(name));
  if (auth !== undefined) {
    const who = demo.length > 0 ? `a demo user (${demo.join(', ')}; passwords in the README, e.g. max / max-demo)` : `a user of ${auth.identityFile ?? 'the identity file'}`;
    print(`Authentication is on: log in as ${who}; curl needs -u USER:PASSWORD (or an API key in x-api-key).`);
  }
  const as = auth === undefined ? '' : demo.includes('max') ? ' -u max:max-demo' : ' -u USER:PASSWORD';
  print('Try:');
  print(`  curl -s${as} ${url}/v2/process-definitions`);
  print(`  curl -s${as} -X POST ${url}/v2/process-instances -H 'content-type: application/json' -d '{"processDefinitionId":"${processId}","variables":{"amount":150}}'`);
  print(`  curl -s${as} -X POST ${url}/v2/user-tasks/search -H 'content-type: application/json' -d '{}'`);
}

/** The core's `decide` under the node's expression limits. */
/** The pinnable clock of a node started with `enableClockControl`; refused where BullMQ keeps the time. */
function clockControlFor(options: StartNodeOptions, hostClock: Clock): ControlledClock | undefined {
  if (options.enableClockControl !== true) return undefined;
  if ((options.queue ?? 'memory') !== 'memory' || options.store === noStore) {
    throw new BatonError('VALIDATION_FAILED', `Clock control needs the in-memory queue (--queue memory), but this node uses ${options.store === noStore ? 'no store' : `the queue ${JSON.stringify(options.queue)}`}: BullMQ times delayed jobs by the host clock, so a pinned clock could not move them. Start the test node on the embedded default, or without --enable-clock-control.`, { field: 'enableClockControl' });
  }
  return new ControlledClock(hostClock);
}

function decideUnder(limits: Partial<ExpressionLimits> | undefined): typeof decide {
  const expressionLimits = { ...defaultExpressionLimits, ...limits };
  return (state, command, definition, keys) => decide(state, command, definition, { ...keys, expressionLimits });
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
  const hostClock = systemClock();
  const controlledClock = clockControlFor(options, hostClock);
  const clock = controlledClock ?? hostClock;
  const onError = engineErrorLog(logger);
  const { workers, capabilities } = await chooseWorkers(options, logger);
  const variableLimits = variableLimitsOf(options.variableLimits);
  // An edge node (`store: 'none'`) has only the bus: its peers with the store hand it jobs and take its API calls.
  const isEdge = options.store === noStore;
  // Server warnings (Redis without AOF) go to the node's log, once each (the store and the queue check the same Redis).
  const warned = new Set<string>();
  const onWarning = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    logger.warn(message);
  };
  // Before the adapters: BullMQ must start on the store's time (see followClock).
  const clockFollowing = options.adapters === undefined ? await followStoreClock(options.store, { logger, maxSkewMs: options.maxClockSkewMs }) : undefined;
  const bus = watchBus(logger);
  const adapters = options.adapters ?? (isEdge ? await edgeAdapters(options, nodeId, clock, onError, bus.onChange) : await createAdapters(options, clock, onError, onWarning, bus.onChange));
  const runtime = !('store' in adapters) ? undefined : createEngine({ store: adapters.store, queue: adapters.queue, bus: adapters.bus, ...('history' in adapters && adapters.history !== undefined ? { history: adapters.history } : {}), clock, nodeId, handlers: workers, onError, logger: rootLogger, variableLimits, decide: decideUnder(options.expressionLimits), ...pick(options, ['cluster']), ...(options.outboxSweepMs === undefined ? {} : { sweepIntervalMs: options.outboxSweepMs }) });
  const engine = runtime === undefined ? createEdgeEngineApi(nodeId) : await createRuntimeEngineApi({ engine: runtime, bus: adapters.bus, readableDepth: variableLimits.maxDepth, ...pick(options, ['cluster']) });
  const cluster = createNodeCluster({
    bus: adapters.bus,
    // Heartbeats and hand-off timeouts keep host time even while the engine's clock is pinned.
    clock: hostClock,
    nodeId,
    jobTypes: capabilities,
    handlers: workers,
    onError,
    ...(runtime === undefined ? {} : { engine: runtime }),
    ...pick(options, ['cluster', 'heartbeatMs', 'handOffTimeoutMs', 'handOffRetryBackOffMs']),
  });
  // Readiness (issue 12, finding 9): serving (not starting or stopping), the --deploy
  // resources in the store, the store answering, the queue's workers up, the bus connected.
  let isServing = false;
  let resources: Awaited<ReturnType<typeof readBpmnDir>> = [];
  let deployed: readonly DeployedProcess[] = [];
  let deploying: Promise<void> | undefined;
  let isDeployed = false;
  const deploy = (): Promise<void> =>
    (deploying ??= (async () => {
      isDeployed = false;
      try {
        if (resources.length > 0) deployed = processesOf(await engine.deploy(resources, { allowNonExecutable: false }));
        isDeployed = true;
      } finally {
        deploying = undefined;
      }
    })());
  const storeWatch: StoreWatch | undefined =
    adapters.health?.store === undefined ? undefined : watchStore({ store: adapters.health.store, logger, onDataLost: async () => {
      await deploy();
      if (resources.length > 0) logger.info({ processes: deployed.map((p) => p.processDefinitionId) }, 're-applied --deploy after the store lost its data');
    } });
  const isQueueReady = adapters.health?.isQueueReady;
  const readiness = createReadiness([
    flagCheck('node', () => isServing, 'starting up or shutting down'),
    flagCheck('deployed', () => isDeployed, () => {
      // A deploy that failed (the store away) is tried again while readiness is asked.
      if (isServing && deploying === undefined) deploy().catch((error: unknown) => logger.warn({ err: error }, 'could not deploy --deploy yet; readiness retries'));
      return `the --deploy resources (${options.deployDir ?? 'none'}) are not in the store yet`;
    }),
    ...(storeWatch === undefined ? [] : [storeWatch.check]),
    ...(isQueueReady === undefined ? [] : [flagCheck('queue', isQueueReady, 'the job queue\'s connections or workers are down; they reconnect')]),
    bus.check,
  ]);
  if (clockFollowing !== undefined) readiness.add(clockFollowing.check);
  let app: FastifyInstance | undefined;
  let ownIdentityStore: IdentityStore | undefined;
  let closing: Promise<void> | undefined;
  let removeSignalHandlers = (): void => undefined;
  let busApi: BusApi | undefined;
  const drain = async (): Promise<void> => {
      // The drain (issue 8): readiness answers 503 first, so load balancers stop sending
      // new work; the node stops claiming jobs and finishes the ones it holds while its API
      // still answers; then it leaves the cluster, closes the API (requests in flight
      // complete) and the adapters. A job it cannot finish stays unacknowledged: its lock
      // expires and a peer takes it.
      isServing = false;
      storeWatch?.stop();
      removeSignalHandlers();
      await engine.close();
      // Issue 14: bus clients' requests go to the peers from here; those in flight are answered before the app closes.
      await busApi?.stop();
      await cluster.leave();
      await app?.close();
      await ownIdentityStore?.close();
      if (options.adapters === undefined) await adapters.close();
      await clockFollowing?.stop();
  };
  // Issue 12, finding 11: with the store away a step of the drain can wait forever; past
  // the grace the node drops its HTTP connections and close() rejects (the CLI exits non-zero).
  const close = (): Promise<void> =>
    (closing ??= closeWithin(drain(), options.shutdownGraceMs ?? defaultShutdownGraceMs, logger, () => app?.server.closeAllConnections()));
  try {
    resources = options.deployDir === undefined ? [] : await readBpmnDir(options.deployDir);
    await deploy();
    // Users and groups the admins change: beside the process store (an edge node has none: memory), announced on the bus.
    if (options.auth !== undefined && options.identityStore === undefined) ownIdentityStore = await createIdentityStore(isEdge ? {} : options);
    const identityStore = options.identityStore ?? ownIdentityStore;
    const identitySync = identityStore === undefined ? undefined : { store: identityStore, bus: adapters.bus, ...pick(options, ['cluster']) };
    const serverOptions = {
      ...(options.auth === undefined ? {} : { auth: options.auth, identitySync }),
      engine,
      nodeId,
      variableLimits,
      capabilities: cluster.capabilities,
      cluster: cluster.server,
      logger: rootLogger,
      readiness,
      ...(storeWatch === undefined ? {} : { storeDataLosses: storeWatch.dataLosses }),
      ...(controlledClock === undefined ? {} : { clock: controlledClock }),
      ...('store' in adapters ? { store: adapters.store } : {}),
    };
    app = await buildServer(options.bodyLimit === undefined ? serverOptions : { ...serverOptions, bodyLimit: options.bodyLimit });
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
    await cluster.join(app, url);
    if (runtime !== undefined) busApi = await serveBusApi({ app, bus: adapters.bus, nodeId, onError, ...pick(options, ['cluster']) });
    isServing = true;
    if (options.handleSignals !== false) removeSignalHandlers = stopOnSignals(close, logger, print);
    tryThese(print, { url: localUrlOf(options.host ?? '127.0.0.1', port), deployed, webApp: defaultWebRoot() !== undefined, auth: options.auth });
    return { url, nodeId, app, engine, get deployed() { return deployed; }, readiness, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The bus alone, for an edge node; `close` closes it. */
async function edgeAdapters(
  options: StartNodeOptions,
  nodeId: string,
  clock: Clock,
  onError: (error: unknown) => void,
  onBusChange: (change: BusConnectionChange) => void,
): Promise<{ bus: MessageBus; health?: undefined; close(): Promise<void> }> {
  const bus = await createBusFromUrl(options.bus, nodeId, clock, onError, onBusChange);
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
