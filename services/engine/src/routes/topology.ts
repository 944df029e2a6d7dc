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

const peerSchema = {
  type: 'object',
  properties: {
    ...nodeSchema.properties,
    url: { type: 'string' },
    lastSeen: { type: 'string', format: 'date-time' },
    expires: { type: 'string', format: 'date-time' },
  },
} as const;

const unservedSchema = {
  type: 'object',
  properties: { jobType: { type: 'string' }, count: { type: 'integer' } },
} as const;

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/**
 * GET /v2/topology: this node, its capabilities, its live peers (from their
 * announcements on the bus) and the open jobs no live node can run.
 */
export function registerTopologyRoutes(app: FastifyInstance, { nodeId, capabilities, version, cluster }: RouteContext): void {
  app.get(
    '/v2/topology',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['cluster'],
        summary: 'This node, its capabilities, its peers and the jobs nobody can run',
        response: {
          200: {
            type: 'object',
            properties: {
              ...nodeSchema.properties,
              gatewayVersion: { type: 'string' },
              clusterSize: { type: 'integer' },
              peers: { type: 'array', items: peerSchema },
              unservedJobs: { type: 'array', items: unservedSchema },
            },
          },
          ...errorResponses,
        },
      },
    },
    async () => {
      const peers = (cluster?.peers() ?? []).map(({ lastSeenAt, expiresAt, ...peer }) => ({ ...peer, lastSeen: iso(lastSeenAt), expires: iso(expiresAt) }));
      const unservedJobs = (await cluster?.unservedJobs()) ?? [];
      return { nodeId, version, capabilities, gatewayVersion: version, clusterSize: 1 + peers.length, peers, unservedJobs };
    },
  );
}
