/**
 * @baton/engine: the engine node. `startNode` runs one (what `baton serve` calls);
 * `buildServer` is its HTTP API (Fastify 5, Camunda 8 REST v2 names and shapes).
 */
export { buildServer, defaultBodyLimit, type ServerOptions } from './server.js';
export { serveBusApi, busApiSubject, busApiVersion, type BusApi, type ServeBusApiOptions, type BusApiRequest, type BusApiReply } from './bus-api/index.js';
export { startNode, type StartNodeOptions, type RunningNode } from './start-node.js';
export { createRuntimeEngineApi, type RuntimeEngineApiOptions } from './runtime-engine-api.js';
export { supportedAdapters, type AdapterChoice } from './adapters.js';
export { loadHandlers, type JobHandler, type HandlerJob } from './load-handlers.js';
export { toProblem, problemMediaType, type HttpProblem } from './problem.js';
export type * from './engine-api.js';
export { hashPassword, verifyPassword } from './auth/password.js';
export { createApiKey, hashApiKey, type NewApiKey } from './auth/api-key.js';
export { loadIdentityFile, parseIdentity, type IdentityData, type UserRecord, type GroupRecord, type ApiKeyRecord } from './auth/identity.js';
export { authConfigFromFlags, type AuthFlags } from './auth/auth-flags.js';
export { checkBinding } from './auth/binding.js';
export type { AuthConfig } from './auth/auth-config.js';
export type { IdentityStore, IdentityChanges, IdentityTombstone, PutUserOptions, SessionStanding } from './auth/identity-store.js';
export { createInMemoryIdentityStore, InMemoryIdentityStore } from './auth/in-memory-identity-store.js';
export { identityChangedSubject } from './auth/synced-identity.js';
export type { OidcConfig } from './auth/jwt.js';
export type { Role, Principal } from './auth/principal.js';
