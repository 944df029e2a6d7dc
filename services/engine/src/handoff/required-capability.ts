import { storeCapability } from '@baton/runtime';

/** Paths any node answers itself: about the node, not about instances. */
const localPaths = ['/v2/topology', '/v2/status'];

/**
 * The capability a request needs, or undefined when any node can answer it. Every
 * `/v2` route but the topology reads or changes instance state, so it needs `store`;
 * health, metrics and the API document are about the node itself.
 */
export function requiredCapability(url: string): string | undefined {
  const path = url.split('?')[0] ?? '';
  if (!path.startsWith('/v2/')) return undefined;
  return localPaths.includes(path) ? undefined : storeCapability;
}
