import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTopology } from './topology.js';

const shipped = (name: string): string => fileURLToPath(new URL(`../../../../deploy/topologies/${name}.yaml`, import.meta.url));

function topologyFile(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'baton-topology-')), 'topology.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('readTopology', () => {
  it('reads the three shipped setups of the seed document', () => {
    expect(readTopology(shipped('single'))).toMatchObject({ bus: 'memory', nodes: [{ name: 'server', store: 'redis' }] });
    const homogeneous = readTopology(shipped('homogeneous'));
    expect(homogeneous.nodes.map((n) => [n.name, n.store, n.capabilities.length])).toEqual([
      ['node-1', 'redis', 4],
      ['node-2', 'redis', 4],
      ['node-3', 'redis', 4],
    ]);
    const heterogeneous = readTopology(shipped('heterogeneous'));
    expect(heterogeneous).toMatchObject({ bus: 'nats', deploy: expect.stringMatching(/topologies\/processes$/) });
    expect(heterogeneous.nodes.map((n) => [n.name, n.store, n.capabilities])).toEqual([
      ['core-orders', 'redis', ['reserve-stock', 'charge-card']],
      ['core-shipping', 'redis', ['ship-order']],
      ['label-pc', 'none', ['label-printer']],
    ]);
    expect(heterogeneous.nodes[2]?.handlers).toMatch(/topologies\/handlers\.js$/);
  });

  it.each([
    ['no nodes', 'bus: nats\nnodes: []\n', /"nodes" must be a non-empty list/],
    ['an unknown bus', 'bus: kafka\nnodes: [{ name: a }]\n', /"bus" must be one of nats, faye, memory/],
    ['a memory bus with two nodes', 'bus: memory\nnodes: [{ name: a }, { name: b }]\n', /"bus" must be nats or faye/],
    ['two nodes with one name', 'nodes: [{ name: a }, { name: a }]\n', /distinct names/],
    ['a memory store shared by two nodes', 'store: memory\nnodes: [{ name: a }, { name: b }]\n', /"store" must be redis/],
    ['capabilities that are not a list', 'nodes: [{ name: a, capabilities: printer }]\n', /nodes\[0\]\.capabilities/],
  ])('refuses %s, naming the field', (_what, yaml, message) => {
    expect(() => readTopology(topologyFile(yaml))).toThrow(message);
  });
});
