import type { DeploymentRecord, DeploymentSummary, FormRecord, NewDeployment, StartEventTarget } from '@baton/runtime';
import type { RedisClient } from './connection.js';
import { readJson } from './index-reads.js';
import type { StoreKeys } from './keys.js';
import type { StoreScripts } from './scripts.js';

/** Deployments: records by definition key, the latest version per process, start events by name, forms by id (all global keys). */
export class StoreDeployments {
  /** Records by definition key: written once by save-deployment-5.lua and never changed, so safe to keep. */
  private readonly records = new Map<string, DeploymentRecord>();

  constructor(
    private readonly client: RedisClient,
    private readonly keys: StoreKeys,
    private readonly scripts: StoreScripts,
  ) {}

  /** The [start-event HASH, field] pairs of a version's message and signal start events, and a target per pair (without definitionKey, ending in "}"). */
  private startsOf(deployment: NewDeployment): { readonly starts: [string, string][]; readonly targets: string[] } {
    const starts: [string, string][] = [];
    const targets: string[] = [];
    for (const start of deployment.startEvents) {
      if (start.kind !== 'message' && start.kind !== 'signal') continue;
      const name = start.kind === 'message' ? start.messageName : start.signalName;
      starts.push([this.keys.startEvents(start.kind, name), `${deployment.processId}\n${start.elementId}`]);
      targets.push(JSON.stringify({ processId: deployment.processId, elementId: start.elementId }));
    }
    return { starts, targets };
  }

  async save(deployment: NewDeployment): Promise<{ readonly record: DeploymentRecord; readonly isNew: boolean }> {
    const { keys } = this;
    const { starts, targets } = this.startsOf(deployment);
    const { isNew, json } = await this.scripts.saveDeployment(
      [keys.deployments, keys.latestDeployments, keys.deployedProcesses, keys.deployedStarts, keys.deployedVersions],
      [deployment.processId, deployment.resourceName, deployment.xml, JSON.stringify(deployment), deployment.definitionKey, JSON.stringify(starts), ...targets],
    );
    return { record: JSON.parse(json) as DeploymentRecord, isNew };
  }

  async get(definitionKey: string): Promise<DeploymentRecord | undefined> {
    const known = this.records.get(definitionKey);
    if (known !== undefined) return known;
    const [record] = await readJson<DeploymentRecord>(this.client, this.keys.deployments, [definitionKey]);
    if (record !== undefined) this.records.set(definitionKey, record);
    return record;
  }

  /**
   * See `ProcessStore.deleteDeployment`: reads the latest and, when deleting it, the
   * version below it, then deletes in one script that re-checks the latest (a peer's
   * deploy or delete in between: read again).
   */
  async delete(definitionKey: string, deletedAt: number): Promise<{ readonly newLatest?: DeploymentRecord } | undefined> {
    const { keys } = this;
    for (;;) {
      const record = await this.get(definitionKey);
      if (record === undefined) return undefined;
      const latestKey = (await this.client.hget(keys.latestDeployments, record.processId)) ?? '';
      const latest = latestKey === '' ? undefined : await this.get(latestKey);
      const newLatest = latestKey === definitionKey ? await this.highestBelow(record) : undefined;
      const { starts, targets } = newLatest === undefined ? { starts: [], targets: [] } : this.startsOf(newLatest);
      const tail = newLatest === undefined ? '' : `,"definitionKey":${JSON.stringify(newLatest.definitionKey)}}`;
      const outcome = await this.scripts.deleteDeployment(
        [keys.deployments, keys.latestDeployments, keys.deployedStarts, keys.deployedVersions, keys.deletedDeployments],
        [definitionKey, record.processId, record.version, deletedAt, latestKey, latest?.version ?? 0, newLatest?.definitionKey ?? '', JSON.stringify(starts), ...targets.map((t) => t.slice(0, -1) + tail)],
      );
      if (outcome === 0) return undefined;
      if (outcome === 1) return newLatest === undefined ? {} : { newLatest };
    }
  }

  /** The highest version of the process below `record`'s that is not deleted. */
  private async highestBelow(record: DeploymentRecord): Promise<DeploymentRecord | undefined> {
    if (record.version <= 1) return undefined;
    const fields = Array.from({ length: record.version - 1 }, (_, i) => `${record.processId}\n${record.version - 1 - i}`);
    const key = (await this.client.hmget(this.keys.deployedVersions, ...fields)).find((found): found is string => found !== null);
    return key === undefined ? undefined : this.get(key);
  }

  /** One HGET per call (the latest version may change under a peer's deploy); the record itself comes from `get`. */
  async latest(processId: string): Promise<DeploymentRecord | undefined> {
    const definitionKey = await this.client.hget(this.keys.latestDeployments, processId);
    return definitionKey === null ? undefined : this.get(definitionKey);
  }

  /** By processId then version. Reads every listed record (XML included) once. */
  async list(processId: string | undefined): Promise<DeploymentSummary[]> {
    const processIds = processId === undefined ? await this.client.zrange(this.keys.deployedProcesses, 0, -1) : [processId];
    if (processIds.length === 0) return [];
    const latestKeys = await this.client.hmget(this.keys.latestDeployments, ...processIds);
    const latest = await Promise.all(latestKeys.map((key) => (key === null ? undefined : this.get(key))));
    const fields = processIds.flatMap((id, i) => Array.from({ length: latest[i]?.version ?? 0 }, (_, v) => `${id}\n${v + 1}`));
    if (fields.length === 0) return [];
    const definitionKeys = (await this.client.hmget(this.keys.deployedVersions, ...fields)).filter((key): key is string => key !== null);
    const records = await readJson<DeploymentRecord>(this.client, this.keys.deployments, definitionKeys);
    return records.map(({ xml: _xml, ...summary }) => summary);
  }

  /** One HSET: the latest form of an id replaces the previous one. */
  async saveForm(form: FormRecord): Promise<void> {
    await this.client.hset(this.keys.forms, form.formId, JSON.stringify(form));
  }

  async form(formId: string): Promise<FormRecord | undefined> {
    const [record] = await readJson<FormRecord>(this.client, this.keys.forms, [formId]);
    return record;
  }

  /** Start events of that kind and name of each process's latest version, by processId. */
  async startTargets(kind: 'message' | 'signal', name: string): Promise<StartEventTarget[]> {
    const targets = (await this.client.hvals(this.keys.startEvents(kind, name))).map((json) => JSON.parse(json) as StartEventTarget);
    return targets.sort((a, b) => (a.processId < b.processId ? -1 : a.processId > b.processId ? 1 : 0));
  }
}
