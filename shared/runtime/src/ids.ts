/**
 * Ids the shell mints (instance ids, command ids): unique across the cluster by
 * the node id and a per-process session drawn from `random`, ordered by a counter.
 */
export function createIdSource(nodeId: string, random: () => number): () => string {
  const session = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  let counter = 0;
  return () => `${nodeId}-${session}-${(counter++).toString(36)}`;
}
