import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { BatonError } from '@baton/errors';

/** The bus a launched cluster uses. */
export type BusKind = 'nats' | 'faye' | 'memory';
/** Where a node keeps state: Redis, its own memory (one node only), or nowhere (an edge node). */
export type StoreKind = 'redis' | 'memory' | 'none';

/** One engine node of a topology file. */
export interface TopologyNode {
  readonly name: string;
  readonly store: StoreKind;
  readonly capabilities: readonly string[];
  /** Absolute path of its handlers module, if any. */
  readonly handlers?: string;
}

/** A topology file, checked, with paths resolved against the file's folder. */
export interface Topology {
  readonly name: string;
  readonly bus: BusKind;
  /** Absolute path of a folder of `.bpmn` files the first node with a store deploys. */
  readonly deploy?: string;
  readonly nodes: readonly TopologyNode[];
}

function invalid(file: string, field: string, expected: string, found: unknown): BatonError {
  return new BatonError('VALIDATION_FAILED', `Topology ${file}: "${field}" must be ${expected}, found ${JSON.stringify(found)}.`, { file, field });
}

function oneOf<T extends string>(file: string, field: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(file, field, `one of ${allowed.join(', ')}`, value);
}

function stringList(file: string, field: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string' && v !== '')) return value;
  throw invalid(file, field, 'a list of job types', value);
}

function toNode(file: string, base: string, raw: unknown, index: number, defaults: { store: StoreKind; handlers: unknown }): TopologyNode {
  if (typeof raw !== 'object' || raw === null) throw invalid(file, `nodes[${index}]`, 'a map', raw);
  const r = raw as Record<string, unknown>;
  const name = r['name'] ?? `node-${index + 1}`;
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name)) throw invalid(file, `nodes[${index}].name`, 'letters, digits, - or _', name);
  const handlers = r['handlers'] ?? defaults.handlers;
  if (handlers !== undefined && typeof handlers !== 'string') throw invalid(file, `nodes[${index}].handlers`, 'a path', handlers);
  return {
    name,
    store: oneOf(file, `nodes[${index}].store`, r['store'], ['redis', 'memory', 'none'], defaults.store),
    capabilities: stringList(file, `nodes[${index}].capabilities`, r['capabilities']),
    ...(handlers === undefined ? {} : { handlers: resolve(base, handlers) }),
  };
}

function checkCombination(file: string, topology: Topology): void {
  const names = topology.nodes.map((n) => n.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw invalid(file, 'nodes', 'nodes with distinct names', twice);
  if (topology.nodes.length > 1 && topology.bus === 'memory') throw invalid(file, 'bus', 'nats or faye with more than one node', 'memory');
  if (topology.nodes.length > 1 && topology.nodes.some((n) => n.store === 'memory')) {
    throw invalid(file, 'store', 'redis (or none) when nodes share state', 'memory');
  }
}

/**
 * Reads a topology YAML file:
 * ```yaml
 * name: heterogeneous
 * bus: nats            # nats | faye | memory (one node only)
 * store: redis         # default for nodes: redis | memory (one node only)
 * deploy: ../../engine/examples
 * handlers: ./handlers.js
 * nodes:
 *   - { name: core-a, capabilities: [reserve-stock, charge-card] }
 *   - { name: edge, store: none, capabilities: [label-printer] }
 * ```
 * Throws `VALIDATION_FAILED` naming the field.
 */
export function readTopology(file: string): Topology {
  const base = dirname(resolve(file));
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BatonError('VALIDATION_FAILED', `Topology ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`, { file }, { cause: error });
  }
  if (typeof raw !== 'object' || raw === null) throw invalid(file, '(file)', 'a YAML map', raw);
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r['nodes']) || r['nodes'].length === 0) throw invalid(file, 'nodes', 'a non-empty list', r['nodes']);
  const defaults = { store: oneOf<StoreKind>(file, 'store', r['store'], ['redis', 'memory'], 'redis'), handlers: r['handlers'] };
  const deploy = r['deploy'];
  if (deploy !== undefined && typeof deploy !== 'string') throw invalid(file, 'deploy', 'a folder path', deploy);
  const topology: Topology = {
    name: typeof r['name'] === 'string' ? r['name'] : 'cluster',
    bus: oneOf<BusKind>(file, 'bus', r['bus'], ['nats', 'faye', 'memory'], 'nats'),
    ...(deploy === undefined ? {} : { deploy: resolve(base, deploy) }),
    nodes: r['nodes'].map((node: unknown, i: number) => toNode(file, base, node, i, defaults)),
  };
  checkCombination(file, topology);
  return topology;
}
