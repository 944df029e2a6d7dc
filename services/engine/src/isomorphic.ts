/**
 * `@baton/engine/isomorphic`: the parts of the node that run unchanged in a page (issue 17),
 * for `@baton/browser`: the engine facade the routes call (`createRuntimeEngineApi`), the
 * route classes and per-object checks of authorization, the identity directory, the
 * task-form check and the long-poll wait. Nothing here imports Node, Fastify or a driver;
 * `test/unit/isomorphic.test.ts` bundles it for a browser.
 */
export { createRuntimeEngineApi, type RuntimeEngineApiOptions } from './runtime-engine-api.js';
export type * from './engine-api.js';
export { checkObject, checkRole, maySeeTask, visibleTasks, type Access, type ObjectRequest } from './auth/access.js';
export { roles, hasRole, type Principal, type Role } from './auth/principal.js';
export { createIdentityDirectory, type IdentityDirectory } from './auth/directory.js';
export type { IdentityData, UserRecord, GroupRecord, ApiKeyRecord } from './auth/identity.js';
export { checkTaskForm, taskFormOf } from './forms/task-form.js';
export { waitFor } from './wait-for.js';
