import { elementInstanceOperations as ops, variableOperations } from '@baton/api';
import type { ElementInstanceSearchQuery, SetVariableRequest, VariableSearchQuery } from '@baton/api';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { schemaOf } from '../schemas.js';

/** Path parameters of the operations on one element instance. */
type ElementInstanceParams = { Params: { elementInstanceKey: string } };

/**
 * The element instance and variable operations of the contract (`elementInstanceOperations`,
 * `variableOperations` in @baton/api): search and get (readers), and setting variables in a
 * scope (those who may change an instance: the `cancel` class, admin and operator).
 */
export function registerElementInstanceRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.post<{ Body: ElementInstanceSearchQuery | null }>(ops.searchElementInstances.path, { config: { access: 'read' }, schema: schemaOf(ops.searchElementInstances) }, async (request) =>
    engine.searchElementInstances(request.body ?? {}),
  );
  app.get<ElementInstanceParams>(ops.getElementInstance.path, { config: { access: 'read' }, schema: schemaOf(ops.getElementInstance) }, async (request) =>
    engine.getElementInstance(request.params.elementInstanceKey),
  );
  app.put<ElementInstanceParams & { Body: SetVariableRequest }>(
    ops.createElementInstanceVariables.path,
    { config: { command: 'SetVariables', access: 'cancel' }, schema: schemaOf(ops.createElementInstanceVariables) },
    async (request, reply) => {
      const { variables, local } = request.body;
      await engine.setElementInstanceVariables(request.params.elementInstanceKey, { variables, local: local ?? false });
      return reply.code(204).send();
    },
  );
  const variables = variableOperations;
  app.post<{ Body: VariableSearchQuery | null }>(variables.searchVariables.path, { config: { access: 'read' }, schema: schemaOf(variables.searchVariables) }, async (request) =>
    engine.searchVariables(request.body ?? {}),
  );
  app.get<{ Params: { variableKey: string } }>(variables.getVariable.path, { config: { access: 'read' }, schema: schemaOf(variables.getVariable) }, async (request) =>
    engine.getVariable(request.params.variableKey),
  );
}
