import { BatonError } from '@baton/errors';
import type { InstanceSummary, VersionedState } from '../ports/store-records.js';
import type { EngineContext } from './engine-context.js';

const pageSize = 1000;

/** Reads that need more than one store call or a not-found error. */
export class Queries {
  constructor(private readonly ctx: EngineContext) {}

  async getInstance(instanceId: string): Promise<VersionedState> {
    const loaded = await this.ctx.store.load(instanceId);
    if (loaded === undefined) {
      throw new BatonError('INSTANCE_NOT_FOUND', `No process instance "${instanceId}"; check the id.`, { instanceId });
    }
    return loaded;
  }

  async instancesOfTree(rootInstanceId: string): Promise<readonly InstanceSummary[]> {
    const all: InstanceSummary[] = [];
    for (let offset: number | undefined = 0; offset !== undefined; ) {
      const page = await this.ctx.store.findInstances({ rootInstanceId, offset, limit: pageSize });
      all.push(...page.items);
      offset = page.nextOffset;
    }
    return all;
  }

  async instanceOfIncident(incidentKey: string): Promise<string> {
    const page = await this.ctx.store.findIncidents({ incidentKey, limit: 1 });
    const incident = page.items[0];
    if (incident === undefined) {
      throw new BatonError('NOT_FOUND', `Expected an open incident "${incidentKey}" but found none; it may be resolved already.`, { incidentKey });
    }
    return incident.instanceId;
  }

  async definitionXml(query: { readonly definitionKey: string } | { readonly processId: string; readonly version?: number }): Promise<string> {
    const record =
      'definitionKey' in query
        ? await this.ctx.store.getDeployment(query.definitionKey)
        : query.version === undefined
          ? await this.ctx.store.latestDeployment(query.processId)
          : await this.ctx.store.getDeployment(`${query.processId}:${query.version}`);
    if (record === undefined) {
      throw new BatonError('DEFINITION_NOT_FOUND', 'No such deployed definition; list the definitions to see what is deployed.', { ...query });
    }
    return record.xml;
  }
}
