import type { DeploymentRecord, DeploymentSummary, FormRecord, NewDeployment, StartEventRegistration, StartEventTarget } from '@baton/runtime';

/** Deployed versions by key (deleted ones too), the latest version of each process, and the latest form of each form id. */
export class DeploymentCatalog {
  readonly byKey = new Map<string, DeploymentRecord>();
  readonly latest = new Map<string, DeploymentRecord>();
  readonly forms = new Map<string, FormRecord>();
  /** Keys of deleted versions: out of the listings, still readable by key. */
  private readonly deleted = new Set<string>();
  /** The highest version each process ever had: versions are not reused after a deletion. */
  private readonly topVersion = new Map<string, number>();

  save(deployment: NewDeployment): { readonly record: DeploymentRecord; readonly isNew: boolean } {
    const current = this.latest.get(deployment.processId);
    if (current !== undefined && current.xml === deployment.xml && current.resourceName === deployment.resourceName) {
      return { record: current, isNew: false };
    }
    const version = Math.max(current?.version ?? 0, this.topVersion.get(deployment.processId) ?? 0) + 1;
    const record: DeploymentRecord = { ...deployment, version };
    this.byKey.set(record.definitionKey, record);
    this.latest.set(record.processId, record);
    this.topVersion.set(record.processId, version);
    return { record, isNew: true };
  }

  /** See `ProcessStore.deleteDeployment`. */
  delete(definitionKey: string): { readonly newLatest?: DeploymentRecord } | undefined {
    const record = this.byKey.get(definitionKey);
    if (record === undefined || this.deleted.has(definitionKey)) return undefined;
    this.deleted.add(definitionKey);
    if (this.latest.get(record.processId)?.definitionKey !== definitionKey) return {};
    const left = this.listed(record.processId);
    const newLatest = left.at(-1);
    if (newLatest === undefined) {
      this.latest.delete(record.processId);
      return {};
    }
    this.latest.set(record.processId, newLatest);
    return { newLatest };
  }

  list(processId: string | undefined): DeploymentSummary[] {
    return this.listed(processId).map(({ xml: _xml, ...summary }) => summary);
  }

  /** The versions not deleted (of one process when given), by processId then version. */
  private listed(processId: string | undefined): DeploymentRecord[] {
    const records = [...this.byKey.values()].filter((r) => (processId === undefined || r.processId === processId) && !this.deleted.has(r.definitionKey));
    return records.sort((a, b) => (a.processId < b.processId ? -1 : a.processId > b.processId ? 1 : a.version - b.version));
  }

  startTargets(matches: (start: StartEventRegistration) => boolean): StartEventTarget[] {
    const targets: StartEventTarget[] = [];
    for (const record of this.latest.values()) {
      for (const start of record.startEvents) {
        if (matches(start)) targets.push({ processId: record.processId, definitionKey: record.definitionKey, elementId: start.elementId });
      }
    }
    return targets;
  }
}
