import { BatonError } from '@baton/errors';
import type { EngineApi } from '../engine-api.js';

/**
 * The EngineApi of an edge node, which has no store: API hand-off sends every route
 * that needs one to a peer before it reaches the engine, so a call here is a route
 * that forgot to declare its capability. Each method throws `NO_CAPABLE_NODE`.
 */
export function createEdgeEngineApi(nodeId: string): EngineApi {
  const refuse = async (): Promise<never> => {
    throw new BatonError('NO_CAPABLE_NODE', `Node "${nodeId}" has no store; send the request to a node with the "store" capability.`, {
      capability: 'store',
    });
  };
  return new Proxy({} as EngineApi, {
    get(_target, property) {
      if (property === 'close') return async () => undefined;
      if (property === 'onChange') return () => () => undefined;
      if (property === 'then') return undefined;
      return refuse;
    },
  });
}
