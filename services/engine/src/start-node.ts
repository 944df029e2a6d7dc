import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { createEngine, systemClock, type JobWorker } from '@baton/runtime';
import { createAdapters, type AdapterChoice } from './adapters.js';
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
}

/** A running node. `close()` stops the server, then the engine, then the adapters; idempotent. */
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
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = systemClock();
  const onError = (error: unknown, context: Readonly<Record<string, unknown>> = {}): void => logger.error({ err: error, ...context }, 'engine error');
  const { workers, capabilities } = await chooseWorkers(options, logger);
  const adapters = createAdapters(options, clock, onError);
  const engine = await createRuntimeEngineApi({
    engine: createEngine({ store: adapters.store, queue: adapters.queue, bus: adapters.bus, clock, nodeId, handlers: workers, onError }),
    bus: adapters.bus,
  });
  let isReady = false;
  let app: FastifyInstance | undefined;
  let closing: Promise<void> | undefined;
  let removeSignalHandlers = (): void => undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      isReady = false;
      removeSignalHandlers();
      await app?.close();
      await engine.close();
      await adapters.close();
    })());
  try {
    const resources = options.deployDir === undefined ? [] : await readBpmnDir(options.deployDir);
    const deployed = resources.length === 0 ? [] : (await engine.deploy(resources, { allowNonExecutable: false })).processes;
    const serverOptions = { engine, nodeId, capabilities, logger: rootLogger, isReady: () => isReady };
    app = await buildServer(options.bodyLimit === undefined ? serverOptions : { ...serverOptions, bodyLimit: options.bodyLimit });
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
    isReady = true;
    if (options.handleSignals !== false) removeSignalHandlers = stopOnSignals(close, logger, print);
    tryThese(print, url, deployed);
    return { url, nodeId, app, engine, deployed, close };
  } catch (error) {
    await close();
    throw error;
  }
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
