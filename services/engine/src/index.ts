export { buildServer, defaultBodyLimit, type ServerOptions } from './server.js';
export type * from './engine-api.js';
export { toProblem, problemMediaType, type HttpProblem } from './problem.js';
