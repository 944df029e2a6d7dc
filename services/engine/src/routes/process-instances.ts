import { defaultTenantId, processInstanceOperations as ops, unhonouredCreationFields } from '@baton/api';
import type { CancelProcessInstanceRequest, ProcessInstanceMigrationInstruction, ProcessInstanceModificationInstruction, CreateProcessInstanceResult, ProcessInstanceCreationInstruction, ProcessInstanceDetail, ProcessInstanceIncidentSearchQuery, ProcessInstanceSearchQuery } from '@baton/api';
import { BatonError } from '@baton/errors';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { schemaOf } from '../schemas.js';
import { waitFor } from '../wait-for.js';
import { abortOnClose } from './abort-on-close.js';

/** Wait for completion this long when the request names no `requestTimeout` (as Camunda). */
const defaultAwaitMs = 10_000;

/** Path parameters of the operations on one instance. */
type InstanceParams = { Params: { processInstanceKey: string } };

/** An instance is done waiting for when it ended or is stuck on an incident. */
const isSettled = (view: ProcessInstanceDetail): boolean => view.state !== 'ACTIVE' || view.hasIncident;

/** Refuses what 8.8 lets a creation ask for but Baton cannot honour, naming the field; an empty list asks for nothing. */
function refuseUnhonoured(body: ProcessInstanceCreationInstruction): void {
  const field = unhonouredCreationFields.find((name) => (body[name]?.length ?? 0) > 0);
  if (field === undefined) return;
  throw new BatonError(
    'VALIDATION_FAILED',
    `Expected no ${field} (Baton starts every instance at its start event and cannot honour ${field} yet) but found ${JSON.stringify(body[field])}; drop ${field} from the request.`,
    { field },
  );
}

function registerCreate(app: FastifyInstance, { engine, closing }: RouteContext): void {
  app.post<{ Body: ProcessInstanceCreationInstruction }>(ops.createProcessInstance.path, { config: { command: 'CreateInstance', access: 'start' }, schema: schemaOf(ops.createProcessInstance) }, async (request, reply): Promise<CreateProcessInstanceResult> => {
    const { body } = request;
    refuseUnhonoured(body);
    const started = await engine.startInstance({
      ...(body.processDefinitionId === undefined ? {} : { processDefinitionId: body.processDefinitionId }),
      ...(body.processDefinitionKey === undefined ? {} : { processDefinitionKey: body.processDefinitionKey }),
      ...(body.processDefinitionVersion === undefined ? {} : { version: body.processDefinitionVersion }),
      variables: body.variables ?? {},
    });
    request.log.info({ processInstanceKey: started.processInstanceKey, processDefinitionKey: started.processDefinitionKey }, 'instance started');
    const created = { ...started, tenantId: defaultTenantId };
    if (body.awaitCompletion !== true) return { ...created, variables: {} };
    const key = started.processInstanceKey;
    const probe = async (): Promise<ProcessInstanceDetail | undefined> => {
      const view = await engine.getInstance(key);
      return isSettled(view) ? view : undefined;
    };
    const timeoutMs = body.requestTimeout || defaultAwaitMs;
    const view = (await waitFor(probe, { timeoutMs, onChange: (l) => engine.onInstanceChange(key, l), signal: abortOnClose(reply, closing) })) ?? (await engine.getInstance(key));
    const wanted = body.fetchVariables ?? [];
    const variables = wanted.length === 0 ? view.variables : Object.fromEntries(Object.entries(view.variables).filter(([name]) => wanted.includes(name)));
    return { ...created, state: view.state, hasIncident: view.hasIncident, variables };
  });
}

/** The process-instance operations of the contract (`processInstanceOperations` in @baton/api), plus Baton's history. */
export function registerProcessInstanceRoutes(app: FastifyInstance, context: RouteContext): void {
  const { engine } = context;
  registerCreate(app, context);
  app.post<{ Body: ProcessInstanceSearchQuery | null }>(ops.searchProcessInstances.path, { config: { access: 'read' }, schema: schemaOf(ops.searchProcessInstances) }, async (request) =>
    engine.searchInstances(request.body ?? {}),
  );
  app.get<InstanceParams>(ops.getProcessInstance.path, { config: { access: 'read' }, schema: schemaOf(ops.getProcessInstance) }, async (request) => engine.getInstance(request.params.processInstanceKey));
  app.get<InstanceParams>(ops.getProcessInstanceCallHierarchy.path, { config: { access: 'read' }, schema: schemaOf(ops.getProcessInstanceCallHierarchy) }, async (request) =>
    engine.getCallHierarchy(request.params.processInstanceKey),
  );
  app.get<InstanceParams>(ops.getProcessInstanceSequenceFlows.path, { config: { access: 'read' }, schema: schemaOf(ops.getProcessInstanceSequenceFlows) }, async (request) =>
    engine.getSequenceFlows(request.params.processInstanceKey),
  );
  app.get<InstanceParams>(ops.getProcessInstanceStatistics.path, { config: { access: 'read' }, schema: schemaOf(ops.getProcessInstanceStatistics) }, async (request) =>
    engine.getElementStatistics(request.params.processInstanceKey),
  );
  app.post<InstanceParams & { Body: ProcessInstanceIncidentSearchQuery | null }>(
    ops.searchProcessInstanceIncidents.path,
    { config: { access: 'read' }, schema: schemaOf(ops.searchProcessInstanceIncidents) },
    async (request) => engine.searchInstanceIncidents(request.params.processInstanceKey, request.body ?? {}),
  );
  app.get<InstanceParams>(ops.getProcessInstanceHistory.path, { config: { access: 'read' }, schema: schemaOf(ops.getProcessInstanceHistory) }, async (request) => ({
    items: [...(await engine.getHistory(request.params.processInstanceKey))],
  }));
  app.post<InstanceParams & { Body: CancelProcessInstanceRequest }>(
    ops.cancelProcessInstance.path,
    { config: { command: 'CancelInstance', access: 'cancel' }, schema: schemaOf(ops.cancelProcessInstance) },
    async (request, reply) => {
      await engine.cancelInstance(request.params.processInstanceKey);
      return reply.code(204).send();
    },
  );
  app.post<InstanceParams & { Body: ProcessInstanceModificationInstruction }>(
    ops.modifyProcessInstance.path,
    { config: { command: 'ModifyInstance', access: 'modify' }, schema: schemaOf(ops.modifyProcessInstance) },
    async (request, reply) => {
      await engine.modifyInstance(request.params.processInstanceKey, request.body);
      return reply.code(204).send();
    },
  );
  app.post<InstanceParams & { Body: ProcessInstanceMigrationInstruction }>(
    ops.migrateProcessInstance.path,
    { config: { command: 'MigrateInstance', access: 'modify' }, schema: schemaOf(ops.migrateProcessInstance) },
    async (request, reply) => {
      await engine.migrateInstance(request.params.processInstanceKey, request.body);
      return reply.code(204).send();
    },
  );
}
