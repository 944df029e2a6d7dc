import { decisionOperations as ops } from '@baton/api';
import type { DecisionDefinitionSearchQuery, DecisionEvaluationInstruction, DecisionInstanceSearchQuery, DecisionRequirementsSearchQuery } from '@baton/api';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { schemaOf } from '../schemas.js';
import { textSchemaOf } from './process-definitions.js';

type DefinitionParams = { Params: { decisionDefinitionKey: string } };
type RequirementsParams = { Params: { decisionRequirementsKey: string } };

/** The decision operations of the contract (`decisionOperations` in @baton/api, issue 16). */
export function registerDecisionRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  const read = { access: 'read' } as const;
  app.post<{ Body: DecisionDefinitionSearchQuery | null }>(ops.searchDecisionDefinitions.path, { config: read, schema: schemaOf(ops.searchDecisionDefinitions) }, async (request) =>
    engine.searchDecisionDefinitions(request.body ?? {}),
  );
  app.get<DefinitionParams>(ops.getDecisionDefinition.path, { config: read, schema: schemaOf(ops.getDecisionDefinition) }, async (request) => engine.getDecisionDefinition(request.params.decisionDefinitionKey));
  app.get<DefinitionParams>(ops.getDecisionDefinitionXml.path, { config: read, schema: textSchemaOf(ops.getDecisionDefinitionXml, 'text/xml') }, async (request, reply) =>
    reply.type('text/xml').send(await engine.getDecisionDefinitionXml(request.params.decisionDefinitionKey)),
  );
  app.post<{ Body: DecisionEvaluationInstruction }>(ops.evaluateDecision.path, { config: { access: 'start' }, schema: schemaOf(ops.evaluateDecision) }, async (request) => engine.evaluateDecision(request.body));
  app.post<{ Body: DecisionRequirementsSearchQuery | null }>(ops.searchDecisionRequirements.path, { config: read, schema: schemaOf(ops.searchDecisionRequirements) }, async (request) =>
    engine.searchDecisionRequirements(request.body ?? {}),
  );
  app.get<RequirementsParams>(ops.getDecisionRequirements.path, { config: read, schema: schemaOf(ops.getDecisionRequirements) }, async (request) => engine.getDecisionRequirements(request.params.decisionRequirementsKey));
  app.get<RequirementsParams>(ops.getDecisionRequirementsXml.path, { config: read, schema: textSchemaOf(ops.getDecisionRequirementsXml, 'text/xml') }, async (request, reply) =>
    reply.type('text/xml').send(await engine.getDecisionRequirementsXml(request.params.decisionRequirementsKey)),
  );
  app.post<{ Body: DecisionInstanceSearchQuery | null }>(ops.searchDecisionInstances.path, { config: read, schema: schemaOf(ops.searchDecisionInstances) }, async (request) =>
    engine.searchDecisionInstances(request.body ?? {}),
  );
  app.get<{ Params: { decisionEvaluationInstanceKey: string } }>(ops.getDecisionInstance.path, { config: read, schema: schemaOf(ops.getDecisionInstance) }, async (request) =>
    engine.getDecisionInstance(request.params.decisionEvaluationInstanceKey),
  );
}
