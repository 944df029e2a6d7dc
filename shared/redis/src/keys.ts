/**
 * Redis key names of one store namespace (see README.md, "Key layout").
 *
 * Keys of one instance carry the hash tag `{instanceId}` so that they land in one
 * Redis Cluster slot; the others are global indexes. Variable parts (names,
 * assignees, correlation keys) are escaped so that `:` and `{`/`}` in them can
 * neither collide with the layout nor change a key's hash tag.
 */
export function escapeKeyPart(part: string): string {
  return part.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

export class StoreKeys {
  constructor(private readonly prefix: string) {}

  private key(...parts: readonly string[]): string {
    return `${this.prefix}:${parts.join(':')}`;
  }

  /** `{instanceId}`-tagged keys of one instance. */
  instance(instanceId: string): { readonly state: string; readonly history: string; readonly waits: string; readonly incidents: string } {
    const tag = `{${escapeKeyPart(instanceId)}}`;
    return { state: this.key(tag, 'state'), history: this.key(tag, 'history'), waits: this.key(tag, 'waits'), incidents: this.key(tag, 'incidents') };
  }

  tree(rootInstanceId: string): string {
    return this.key(`{${escapeKeyPart(rootInstanceId)}}`, 'tree');
  }

  readonly seq = this.key('seq');
  readonly waits = this.key('waits');
  readonly waitHolders = this.key('waits:in');
  readonly incidents = this.key('incidents');
  readonly openIncidents = this.key('incidents:open');
  readonly instances = this.key('instances');
  readonly outbox = this.key('outbox');
  readonly outboxEntries = this.key('outbox:entries');
  readonly bufferEntries = this.key('buffer:entries');
  readonly deployments = this.key('deployments');
  readonly latestDeployments = this.key('deployments:latest');
  readonly deployedProcesses = this.key('deployments:processes');
  readonly deployedStarts = this.key('deployments:starts');

  readonly userTasks = this.key('ut');
  userTasksByAssignee(assignee: string): string {
    return this.key('ut', 'assignee', escapeKeyPart(assignee));
  }
  userTasksByGroup(group: string): string {
    return this.key('ut', 'group', escapeKeyPart(group));
  }
  userTasksByUser(user: string): string {
    return this.key('ut', 'user', escapeKeyPart(user));
  }
  readonly jobs = this.key('jobs');
  jobsByType(jobType: string): string {
    return this.key('jobs', 'type', escapeKeyPart(jobType));
  }
  /** Subscriptions of `messageName` with that correlation key, or without one (`undefined`). */
  messageSubscriptions(messageName: string, correlationKey: string | undefined): string {
    return correlationKey === undefined
      ? this.key('msg', escapeKeyPart(messageName), 'any')
      : this.key('msg', escapeKeyPart(messageName), 'key', escapeKeyPart(correlationKey));
  }
  signalSubscriptions(signalName: string): string {
    return this.key('sig', escapeKeyPart(signalName));
  }
  buffer(messageName: string): string {
    return this.key('buffer', escapeKeyPart(messageName));
  }
  startEvents(kind: 'message' | 'signal', name: string): string {
    return this.key('start', kind, escapeKeyPart(name));
  }
}
