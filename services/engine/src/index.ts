/**
 * @baton/engine: the engine node. `startNode` runs one (what `baton serve` calls);
 * `buildServer` is its HTTP API (Fastify 5, Camunda 8 REST v2 names and shapes).
 */
export { buildServer, defaultBodyLimit, type ServerOptions } from './server.js';
export { startNode, type StartNodeOptions, type RunningNode } from './start-node.js';
export { createRuntimeEngineApi, type RuntimeEngineApiOptions } from './runtime-engine-api.js';
export { supportedAdapters, type AdapterChoice } from './adapters.js';
export { loadHandlers, type JobHandler, type HandlerJob } from './load-handlers.js';
export { toProblem, problemMediaType, type HttpProblem } from './problem.js';
export type * from './engine-api.js';
