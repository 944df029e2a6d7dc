import { BatonError } from '@baton/errors';
import type { DefinitionsResult, ProcessDefinition } from '@baton/model';
import type { ProcessStore } from './ports/process-store.js';
import type { DeploymentRecord } from './ports/store-records.js';

/** The model's parser, as the shell calls it. */
export type ParseFn = (xml: string, options: { readonly allowNonExecutable: boolean; readonly version: number }) => Promise<DefinitionsResult>;

/**
 * Definitions by key, parsed once per node: from a deployment this node made, or
 * on first use from the XML the store keeps (a peer deployed it).
 */
export class DefinitionRegistry {
  private readonly byKey = new Map<string, Promise<ProcessDefinition>>();
  /** Latest definition key by processId, as last read; commits check it (`CommitRequest.latestOf`). */
  private readonly latestKeys = new Map<string, string>();

  constructor(
    private readonly store: ProcessStore,
    private readonly parse: ParseFn,
  ) {}

  /** Caches a definition this node just parsed, under its deployed key and version. */
  remember(definition: ProcessDefinition, record: DeploymentRecord): ProcessDefinition {
    const deployed =
      definition.definitionKey === record.definitionKey && definition.version === record.version
        ? definition
        : { ...definition, definitionKey: record.definitionKey, version: record.version };
    this.byKey.set(record.definitionKey, Promise.resolve(deployed));
    return deployed;
  }

  /** The definition deployed under `definitionKey`; throws DEFINITION_NOT_FOUND. */
  get(definitionKey: string): Promise<ProcessDefinition> {
    let found = this.byKey.get(definitionKey);
    if (found === undefined) {
      found = this.load(definitionKey);
      this.byKey.set(definitionKey, found);
      found.catch(() => this.byKey.delete(definitionKey));
    }
    return found;
  }

  /** The latest deployment of `processId` (one store read); throws DEFINITION_NOT_FOUND. */
  async latest(processId: string): Promise<DeploymentRecord> {
    const record = await this.store.latestDeployment(processId);
    if (record === undefined) throw notFound({ processId }, `No process "${processId}" is deployed; deploy its BPMN first.`);
    this.latestKeys.set(processId, record.definitionKey);
    return record;
  }

  /**
   * The latest definition key of `processId`: the one last read unless `fresh`
   * (issue #5, "Speed": no store read per start). A peer may have deployed since, so
   * a create on it commits with `latestOf`, and the store refuses it once stale.
   */
  async latestKey(processId: string, fresh: boolean): Promise<string> {
    const known = fresh ? undefined : this.latestKeys.get(processId);
    return known ?? (await this.latest(processId)).definitionKey;
  }

  /** This node deployed `record`: its process's next start reads the latest again. */
  deployed(record: DeploymentRecord): void {
    this.latestKeys.delete(record.processId);
  }

  private async load(definitionKey: string): Promise<ProcessDefinition> {
    const record = await this.store.getDeployment(definitionKey);
    if (record === undefined) throw notFound({ definitionKey }, `No deployed definition "${definitionKey}"; list the definitions to see what is deployed.`);
    const parsed = await this.parse(record.xml, { allowNonExecutable: true, version: record.version });
    const definition = parsed.processes.find((p) => p.processId === record.processId);
    if (definition === undefined) {
      throw new BatonError('INTERNAL', `Deployment "${definitionKey}" holds XML without process "${record.processId}".`, { definitionKey });
    }
    return this.remember(definition, record);
  }
}

function notFound(details: Record<string, unknown>, message: string): BatonError {
  return new BatonError('DEFINITION_NOT_FOUND', message, details);
}
