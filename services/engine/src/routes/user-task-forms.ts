import type { FastifyInstance } from 'fastify';
import { taskFormOf } from '../forms/task-form.js';
import type { RouteContext } from '../route-context.js';
import { errorResponses, keyParams, variablesSchema } from '../schemas.js';

/** GET /v2/user-tasks/{userTaskKey}/form: the form-js schema to render and the variables to fill it with. */
export function registerUserTaskFormRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.get<{ Params: { userTaskKey: string } }>(
    '/v2/user-tasks/:userTaskKey/form',
    {
      config: { access: 'task-view' },
      schema: {
        tags: ['user tasks'],
        summary: "A task's form (form-js schema: the model's form, its camunda:formFields, or generated from its variables) and variables",
        params: keyParams('userTaskKey'),
        response: {
          200: {
            type: 'object',
            properties: {
              userTaskKey: { type: 'string' },
              source: { type: 'string', enum: ['form', 'formFields', 'variables'] },
              formKey: { type: 'string' },
              schema: { type: 'object', additionalProperties: true },
              variables: variablesSchema,
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => taskFormOf(engine, request.params.userTaskKey),
  );
}
