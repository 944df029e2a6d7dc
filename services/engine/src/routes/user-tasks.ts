import { userTaskOperations as ops } from '@baton/api';
import type { UserTaskAssignmentRequest, UserTaskCompletionRequest, UserTaskSearchQuery, UserTaskUpdateRequest, UserTaskVariableSearchQuery } from '@baton/api';
import type { FastifyInstance } from 'fastify';
import { maySeeTask } from '../auth/access.js';
import { checkTaskForm } from '../forms/task-form.js';
import type { RouteContext } from '../route-context.js';
import { schemaOf } from '../schemas.js';

/** Path parameters of the operations on one user task. */
type TaskParams = { Params: { userTaskKey: string } };

function registerReads(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: UserTaskSearchQuery | null }>(ops.searchUserTasks.path, { config: { access: 'task-search' }, schema: schemaOf(ops.searchUserTasks) }, async (request) =>
    // Authorization by object: a user finds only the tasks assigned or offered to them, and totalItems counts only those.
    engine.searchUserTasks(request.body ?? {}, (task) => maySeeTask(request.principal, task)),
  );
  app.get<TaskParams>(ops.getUserTask.path, { config: { access: 'task-view' }, schema: schemaOf(ops.getUserTask) }, async (request) => engine.getUserTask(request.params.userTaskKey));
  app.post<TaskParams & { Body: UserTaskVariableSearchQuery | null }>(
    ops.searchUserTaskVariables.path,
    { config: { access: 'task-view' }, schema: schemaOf(ops.searchUserTaskVariables) },
    async (request) => engine.searchUserTaskVariables(request.params.userTaskKey, request.body ?? {}),
  );
}

function registerChanges(app: FastifyInstance, { engine }: RouteContext): void {
  app.patch<TaskParams & { Body: UserTaskUpdateRequest }>(ops.updateUserTask.path, { config: { command: 'UpdateUserTask', access: 'task-update' }, schema: schemaOf(ops.updateUserTask) }, async (request, reply) => {
    await engine.updateUserTask(request.params.userTaskKey, request.body.changeset ?? {});
    return reply.code(204).send();
  });
  app.post<TaskParams & { Body: UserTaskAssignmentRequest }>(ops.assignUserTask.path, { config: { command: 'AssignUserTask', access: 'task-claim' }, schema: schemaOf(ops.assignUserTask) }, async (request, reply) => {
    const { assignee, allowOverride } = request.body;
    await engine.assignUserTask(request.params.userTaskKey, { assignee, ...(allowOverride === undefined ? {} : { allowOverride }) });
    return reply.code(204).send();
  });
  app.delete<TaskParams>(ops.unassignUserTask.path, { config: { command: 'UnassignUserTask', access: 'task-unclaim' }, schema: schemaOf(ops.unassignUserTask) }, async (request, reply) => {
    await engine.unassignUserTask(request.params.userTaskKey);
    return reply.code(204).send();
  });
  app.post<TaskParams & { Body: UserTaskCompletionRequest }>(
    ops.completeUserTask.path,
    { config: { command: 'CompleteUserTask', access: 'task-complete' }, schema: schemaOf(ops.completeUserTask) },
    async (request, reply) => {
      const variables = request.body?.variables ?? {};
      // A person completing it binds the task's swimlane to them (issue 16); an API key is a machine, not a person.
      const { principal } = request;
      const completedBy = principal !== undefined && principal.via !== 'apiKey' ? principal.subject : undefined;
      await engine.completeUserTask(request.params.userTaskKey, variables, (form) => checkTaskForm(form, variables), completedBy);
      return reply.code(204).send();
    },
  );
}

/** The user-task operations of the contract (`userTaskOperations` in @baton/api) but the form (user-task-forms.ts), each behind Baton's per-task access checks. */
export function registerUserTaskRoutes(app: FastifyInstance, context: RouteContext): void {
  registerReads(app, context);
  registerChanges(app, context);
}
