import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { errorResponses } from '../schemas.js';

const nodeSchema = {
  type: 'object',
  properties: {
    nodeId: { type: 'string' },
    version: { type: 'string' },
    capabilities: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** GET /v2/topology: this node, its capabilities and its peers (none until a cluster bus is configured). */
export function registerTopologyRoutes(app: FastifyInstance, { nodeId, capabilities, version }: RouteContext): void {
  app.get(
    '/v2/topology',
    {
      schema: {
        tags: ['cluster'],
        summary: 'This node, its capabilities and its peers',
        response: {
          200: {
            type: 'object',
            properties: {
              ...nodeSchema.properties,
              gatewayVersion: { type: 'string' },
              clusterSize: { type: 'integer' },
              peers: { type: 'array', items: nodeSchema },
            },
          },
          ...errorResponses,
        },
      },
    },
    async () => ({ nodeId, version, capabilities, gatewayVersion: version, clusterSize: 1, peers: [] }),
  );
}
