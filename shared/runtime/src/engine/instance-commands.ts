import type { Variables } from '@baton/core';
import { BatonError } from '@baton/errors';
import type { ExecuteResult } from '../command-processor.js';
import type { StartEventTarget, VersionedState } from '../ports/store-records.js';
import { executeOnWait, stamp, type EngineContext } from './engine-context.js';
import type { AssignUserTaskRequest, CompleteUserTaskRequest, MigrateInstanceRequest, ModifyInstanceRequest, ResolveIncidentRequest, SetVariablesRequest, StartInstanceRequest, UpdateUserTaskRequest } from './engine-types.js';
import type { Queries } from './queries.js';

/** Commands on one instance that need only a key look-up: start, user tasks, incidents, cancel. */
/** The user task a request names, as {@link executeOnWait} takes it. */
/** The state the caller read, when it is of the instance the command runs on. */
const knownOf = (request: { readonly known?: VersionedState }, instanceId: string): { readonly known?: VersionedState } =>
  request.known !== undefined && request.known.state.instanceId === instanceId ? { known: request.known } : {};

const userTaskWait = (request: { readonly userTaskKey: string; readonly instanceId?: string }) => ({ key: request.userTaskKey, hint: request.instanceId, what: 'user task' });

export class InstanceCommands {
  constructor(
    private readonly ctx: EngineContext,
    private readonly queries: Queries,
  ) {}

  /** Creates an instance at a start event of a definition (message, signal and timer starts). */
  startAt = async (target: StartEventTarget, variables: Variables): Promise<ExecuteResult> => {
    const instanceId = await this.ctx.keys.next();
    return this.ctx.processor.execute({
      instanceId,
      definitionKey: target.definitionKey,
      command: { type: 'CreateInstance', ...stamp(this.ctx), instanceId, variables, startElementId: target.elementId },
    });
  };

  /** Without `version`, on the latest one: known to this node, checked by the commit (see ExecuteRequest.latestOf). */
  async start(request: StartInstanceRequest): Promise<ExecuteResult> {
    const { processId, version } = request;
    const record = version === undefined ? undefined : (await this.ctx.store.listDeployments({ processId })).find((d) => d.version === version);
    if (version !== undefined && record === undefined) {
      throw new BatonError('DEFINITION_NOT_FOUND', `No version ${version} of process "${processId}" is deployed; list the definitions.`, {
        processId,
      });
    }
    const instanceId = request.instanceId ?? (await this.ctx.keys.next());
    const startElementId = request.startElementId;
    return this.ctx.processor.execute({
      instanceId,
      ...(record === undefined ? { latestOf: processId } : { definitionKey: record.definitionKey }),
      command: {
        type: 'CreateInstance',
        ...stamp(this.ctx),
        instanceId,
        variables: request.variables ?? {},
        ...(startElementId === undefined ? {} : { startElementId }),
      },
    });
  }

  async completeUserTask(request: CompleteUserTaskRequest): Promise<ExecuteResult> {
    const { completedBy } = request;
    const command = { type: 'CompleteUserTask', ...stamp(this.ctx), userTaskKey: request.userTaskKey, variables: request.variables ?? {}, ...(completedBy === undefined ? {} : { completedBy }) } as const;
    return executeOnWait(this.ctx, userTaskWait(request), (instanceId) => ({ instanceId, command, ...knownOf(request, instanceId) }));
  }

  async assignUserTask(request: AssignUserTaskRequest): Promise<ExecuteResult> {
    const { userTaskKey, assignee, allowOverride } = request;
    const command = { type: 'AssignUserTask', ...stamp(this.ctx), userTaskKey, ...(assignee === undefined ? {} : { assignee }), ...(allowOverride === undefined ? {} : { allowOverride }) } as const;
    return executeOnWait(this.ctx, userTaskWait(request), (instanceId) => ({ instanceId, command, ...knownOf(request, instanceId) }));
  }

  async updateUserTask(request: UpdateUserTaskRequest): Promise<ExecuteResult> {
    const command = { type: 'UpdateUserTask', ...stamp(this.ctx), userTaskKey: request.userTaskKey, changes: request.changes } as const;
    return executeOnWait(this.ctx, userTaskWait(request), (instanceId) => ({ instanceId, command, ...knownOf(request, instanceId) }));
  }

  async resolveIncident(request: ResolveIncidentRequest): Promise<ExecuteResult> {
    const instanceId = request.instanceId ?? (await this.queries.instanceOfIncident(request.incidentKey));
    const { incidentKey, retries } = request;
    const command = { type: 'ResolveIncident', ...stamp(this.ctx), incidentKey, ...(retries === undefined ? {} : { retries }) } as const;
    return this.ctx.processor.execute({ instanceId, command });
  }

  setVariables(request: SetVariablesRequest): Promise<ExecuteResult> {
    const { instanceId, elementInstanceId, variables, local } = request;
    const command = { type: 'SetVariables', ...stamp(this.ctx), variables, local, ...(elementInstanceId === undefined ? {} : { elementInstanceId }) } as const;
    return this.ctx.processor.execute({ instanceId, command });
  }

  modify(request: ModifyInstanceRequest): Promise<ExecuteResult> {
    const { instanceId, activate, terminate } = request;
    return this.ctx.processor.execute({ instanceId, command: { type: 'ModifyInstance', ...stamp(this.ctx), activate, terminate } });
  }

  migrate(request: MigrateInstanceRequest): Promise<ExecuteResult> {
    const { instanceId, targetDefinitionKey, mappings } = request;
    return this.ctx.processor.execute({ instanceId, command: { type: 'MigrateInstance', ...stamp(this.ctx), targetDefinitionKey, mappings } });
  }

  cancel(instanceId: string): Promise<ExecuteResult> {
    return this.ctx.processor.execute({ instanceId, command: { type: 'CancelInstance', ...stamp(this.ctx) } });
  }
}
