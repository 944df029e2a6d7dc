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
  readonly seq: string;
  readonly waits: string;
  readonly incidents: string;
  readonly openIncidents: string;
  readonly instances: string;
  readonly outbox: string;
  readonly outboxEntries: string;
  readonly bufferEntries: string;
  readonly deployments: string;
  readonly latestDeployments: string;
  readonly deployedProcesses: string;
  readonly deployedStarts: string;
  readonly deployedVersions: string;
  readonly deletedDeployments: string;
  readonly forms: string;
  readonly userTasks: string;
  readonly jobs: string;
  readonly ended: string;
  /** The epoch marker: a random id written when the namespace is first used (see StoreEpoch). */
  readonly epoch: string;
  /** The last instance number reserved (INCRBY by a block; see ProcessStore.reserveKeys). */
  readonly keyNumbers: string;
  /** The key format of the namespace: `numeric` since issue 13 (absent before). */
  readonly keyFormat: string;

  // Assigned here, not as field initializers: those would run before `prefix` is set
  // (ES2022 class fields) and build every global key as "undefined:…".
  constructor(private readonly prefix: string) {
    this.seq = this.key('seq');
    this.epoch = this.key('epoch');
    this.keyNumbers = this.key('key-numbers');
    this.keyFormat = this.key('key-format');
    this.waits = this.key('waits');
    this.incidents = this.key('incidents');
    this.openIncidents = this.key('incidents:open');
    this.instances = this.key('instances');
    this.outbox = this.key('outbox');
    this.outboxEntries = this.key('outbox:entries');
    this.bufferEntries = this.key('buffer:entries');
    this.deployments = this.key('deployments');
    this.latestDeployments = this.key('deployments:latest');
    this.deployedProcesses = this.key('deployments:processes');
    this.deployedStarts = this.key('deployments:starts');
    this.deployedVersions = this.key('deployments:versions');
    this.deletedDeployments = this.key('deployments:deleted');
    this.forms = this.key('deployments:forms');
    this.userTasks = this.key('ut');
    this.jobs = this.key('jobs');
    this.ended = this.key('ended');
  }

  private key(...parts: readonly string[]): string {
    return `${this.prefix}:${parts.join(':')}`;
  }

  /** `{instanceId}`-tagged keys of one instance. */
  instance(instanceId: string): { readonly state: string; readonly history: string; readonly incidents: string } {
    const tag = `{${escapeKeyPart(instanceId)}}`;
    return { state: this.key(tag, 'state'), history: this.key(tag, 'history'), incidents: this.key(tag, 'incidents') };
  }

  tree(rootInstanceId: string): string {
    return this.key(`{${escapeKeyPart(rootInstanceId)}}`, 'tree');
  }

  userTasksByAssignee(assignee: string): string {
    return this.key('ut', 'assignee', escapeKeyPart(assignee));
  }
  userTasksByGroup(group: string): string {
    return this.key('ut', 'group', escapeKeyPart(group));
  }
  userTasksByUser(user: string): string {
    return this.key('ut', 'user', escapeKeyPart(user));
  }
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
  /** A publication's messageId held for its timeToLive (expires with it). */
  messageIdClaim(messageName: string, correlationKey: string | undefined, messageId: string): string {
    const keyPart = correlationKey === undefined ? 'any' : `key:${escapeKeyPart(correlationKey)}`;
    return this.key('published', escapeKeyPart(messageName), keyPart, escapeKeyPart(messageId));
  }
  startEvents(kind: 'message' | 'signal', name: string): string {
    return this.key('start', kind, escapeKeyPart(name));
  }
}
