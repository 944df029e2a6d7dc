/** The capability a node has when it can reach the process store. */
export const storeCapability = 'store';

/** Bus subject tokens may not hold `.`, `*`, `>` or white space; those become `_`. */
export function subjectToken(text: string): string {
  return text.replace(/[.*>\s]/g, '_');
}

/** The subjects of one cluster, all under `baton.<cluster>`. */
export interface ClusterSubjects {
  readonly cluster: string;
  /** Where `nodeId` announces itself and heartbeats. */
  node(nodeId: string): string;
  /** Pattern matching every node's announcements. */
  readonly allNodes: string;
  /** Requests for `capability`, answered by one member of its queue group. */
  action(capability: string): string;
}

/** Subjects of `cluster` (default `default`), as every node of it names them. */
export function clusterSubjects(cluster = 'default'): ClusterSubjects {
  const prefix = `baton.${subjectToken(cluster)}`;
  return {
    cluster,
    node: (nodeId) => `${prefix}.nodes.${subjectToken(nodeId)}`,
    allNodes: `${prefix}.nodes.*`,
    action: (capability) => `${prefix}.actions.${subjectToken(capability)}`,
  };
}
