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

const partitionSchema = {
  type: 'object',
  required: ['partitionId', 'role', 'health'],
  properties: {
    partitionId: { type: 'integer' },
    role: { type: 'string', enum: ['leader', 'follower', 'inactive'] },
    health: { type: 'string', enum: ['healthy', 'unhealthy', 'dead'] },
  },
} as const;

const brokerSchema = {
  type: 'object',
  required: ['nodeId', 'host', 'port', 'partitions', 'version'],
  properties: {
    nodeId: { type: 'integer', description: 'This node\'s place among the cluster\'s nodes sorted by their Baton node id (see `nodeName`).' },
    nodeName: { type: 'string', description: 'The Baton node id.' },
    host: { type: 'string' },
    port: { type: 'integer' },
    partitions: { type: 'array', items: partitionSchema },
    version: { type: 'string' },
  },
} as const;

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

interface Broker {
  readonly nodeName: string;
  readonly host: string;
  readonly port: number;
  readonly version: string;
  readonly isHealthy: boolean;
}

/** `http://10.0.0.5:8080` → host and port; a peer that serves no API has neither. */
function addressOf(url: string | undefined): { host: string; port: number } {
  if (url === undefined) return { host: '', port: 0 };
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)) };
}

/**
 * Baton's nodes as Camunda 8.8's brokers. Baton has one logical partition, the shared
 * store, and every live node writes to it (optimistic, versioned commits; no Raft), so
 * each node is a `leader` of partition 1 and nothing is replicated by Baton itself.
 */
function toBrokers(brokers: readonly Broker[]): object[] {
  return [...brokers]
    .sort((a, b) => a.nodeName.localeCompare(b.nodeName))
    .map((broker, index) => ({
      nodeId: index,
      nodeName: broker.nodeName,
      host: broker.host,
      port: broker.port,
      partitions: [{ partitionId: 1, role: 'leader', health: broker.isHealthy ? 'healthy' : 'unhealthy' }],
      version: broker.version,
    }));
}

/**
 * GET /v2/topology in Camunda 8.8's shape (`brokers`, `clusterSize`, `partitionsCount`,
 * `replicationFactor`, `gatewayVersion`, `lastCompletedChangeId`), plus Baton's own
 * fields, which 8.8's schema admits as extra properties: this node, its capabilities,
 * its live peers (from their announcements on the bus) and the open jobs no live node can run.
 */
export function registerTopologyRoutes(app: FastifyInstance, { nodeId, capabilities, version, cluster, readiness }: RouteContext): void {
  app.get(
    '/v2/topology',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['cluster'],
        summary: 'The cluster as Camunda 8.8 reports it (brokers), and this node, its capabilities, its peers and the jobs nobody can run',
        response: {
          200: {
            type: 'object',
            required: ['brokers', 'clusterSize', 'partitionsCount', 'replicationFactor', 'gatewayVersion', 'lastCompletedChangeId'],
            properties: {
              brokers: { type: 'array', items: brokerSchema },
              clusterSize: { type: 'integer' },
              partitionsCount: { type: 'integer' },
              replicationFactor: { type: 'integer' },
              gatewayVersion: { type: 'string' },
              lastCompletedChangeId: { type: 'string' },
              ...nodeSchema.properties,
              peers: { type: 'array', items: peerSchema },
              unservedJobs: { type: 'array', items: unservedSchema },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const livePeers = cluster?.peers() ?? [];
      const peers = livePeers.map(({ lastSeenAt, expiresAt, ...peer }) => ({ ...peer, lastSeen: iso(lastSeenAt), expires: iso(expiresAt) }));
      const unservedJobs = (await cluster?.unservedJobs()) ?? [];
      const self: Broker = { nodeName: nodeId, host: request.socket.localAddress ?? '', port: request.socket.localPort ?? 0, version, isHealthy: (await readiness.report()).isReady };
      // A peer is listed while its heartbeats arrive: that is all this node knows of its health.
      const others: Broker[] = livePeers.map((peer) => ({ nodeName: peer.nodeId, ...addressOf(peer.url), version: peer.version ?? '', isHealthy: true }));
      return {
        brokers: toBrokers([self, ...others]),
        clusterSize: 1 + peers.length,
        partitionsCount: 1,
        replicationFactor: 1,
        gatewayVersion: version,
        lastCompletedChangeId: '-1',
        nodeId,
        version,
        capabilities,
        peers,
        unservedJobs,
      };
    },
  );
  app.get(
    '/v2/status',
    {
      logLevel: 'warn',
      config: { access: 'public' },
      schema: { tags: ['cluster'], summary: 'Camunda 8.8\'s cluster status: 204 when this node is ready, 503 otherwise (details at /health/ready)', response: { 204: { type: 'null', description: 'Ready' }, 503: { type: 'null', description: 'Not ready' } } },
    },
    async (_request, reply) => reply.code((await readiness.report()).isReady ? 204 : 503).send(),
  );
  app.get(
    '/v2/license',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['cluster'],
        summary: 'Camunda 8.8\'s license status: Baton needs no Camunda license, so it is valid, open source (MIT) and never expires',
        response: {
          200: {
            type: 'object',
            required: ['validLicense', 'licenseType', 'isCommercial'],
            properties: { validLicense: { type: 'boolean' }, licenseType: { type: 'string' }, isCommercial: { type: 'boolean' }, expiresAt: { type: ['string', 'null'], format: 'date-time' } },
          },
          ...errorResponses,
        },
      },
    },
    async () => ({ validLicense: true, licenseType: 'MIT', isCommercial: false, expiresAt: null }),
  );
}
