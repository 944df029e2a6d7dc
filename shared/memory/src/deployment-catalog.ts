import type { DeploymentRecord, DeploymentSummary, FormRecord, NewDeployment, StartEventRegistration, StartEventTarget } from '@baton/runtime';

/** Deployed versions by key, the latest version of each process, and the latest form of each form id. */
export class DeploymentCatalog {
  readonly byKey = new Map<string, DeploymentRecord>();
  readonly latest = new Map<string, DeploymentRecord>();
  readonly forms = new Map<string, FormRecord>();

  save(deployment: NewDeployment): { readonly record: DeploymentRecord; readonly isNew: boolean } {
    const current = this.latest.get(deployment.processId);
    if (current !== undefined && current.xml === deployment.xml && current.resourceName === deployment.resourceName) {
      return { record: current, isNew: false };
    }
    const version = (current?.version ?? 0) + 1;
    const record: DeploymentRecord = { ...deployment, version };
    this.byKey.set(record.definitionKey, record);
    this.latest.set(record.processId, record);
    return { record, isNew: true };
  }

  list(processId: string | undefined): DeploymentSummary[] {
    const records = [...this.byKey.values()].filter((r) => processId === undefined || r.processId === processId);
    records.sort((a, b) => (a.processId < b.processId ? -1 : a.processId > b.processId ? 1 : a.version - b.version));
    return records.map(({ xml: _xml, ...summary }) => summary);
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
