import { userTaskOperations as ops } from '@baton/api';
import type { FastifyInstance } from 'fastify';
import { taskFormOf } from '../forms/task-form.js';
import type { RouteContext } from '../route-context.js';
import { schemaOf } from '../schemas.js';

/** GET /v2/user-tasks/{userTaskKey}/form: 8.8's FormResult (the form-js schema as text) plus Baton's source and the variables to fill it with. */
export function registerUserTaskFormRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.get<{ Params: { userTaskKey: string } }>(ops.getUserTaskForm.path, { config: { access: 'task-view' }, schema: schemaOf(ops.getUserTaskForm) }, async (request) =>
    taskFormOf(engine, request.params.userTaskKey),
  );
}
