import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiKey } from '@baton/engine';
import { serve, stop, type ServedNode } from '../../compat/serve-node.js';

export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A central `baton serve` on a store, with authentication: an API key with the role store, and one of an operator. */
export interface Central {
  readonly url: () => string;
  /** The proxy store's key (role store). */
  readonly storeKey: string;
  /** An operator's key, to read what the central node holds. */
  readonly operatorKey: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** GET or POST on the central node as the operator; the parsed answer and status. */
  read<T>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
  dispose(): void;
}

/**
 * The central node of a proxy-store test: `baton serve` (bundled `cli`) with `storeArgs`
 * and an identity file of two API keys. `start()` again after `stop()` listens on the
 * same port, so a proxy store pointed at it finds it back.
 */
export function centralNode(cli: () => string, storeArgs: () => readonly string[]): Central {
  const dir = mkdtempSync(join(tmpdir(), 'baton-proxy-test-'));
  const edge = createApiKey('edge');
  const operator = createApiKey('ops');
  const identity = join(dir, 'identity.yaml');
  writeFileSync(
    identity,
    [
      'apiKeys:',
      `  - { id: edge, hash: "${edge.hash}", roles: [store] }`,
      `  - { id: ops, hash: "${operator.hash}", roles: [operator] }`,
      '',
    ].join('\n'),
  );
  let node: ServedNode | undefined;
  let port = '0';
  const url = (): string => {
    if (node === undefined) throw new Error('the central node has not started');
    return node.url;
  };
  return {
    url,
    storeKey: edge.key,
    operatorKey: operator.key,
    async start() {
      node = await serve(cli(), ['--port', port, '--identity', identity, '--node-id', 'central', ...storeArgs()], { BATON_SESSION_SECRET: 's'.repeat(32) });
      port = new URL(node.url).port;
    },
    async stop() {
      await stop(node?.child);
    },
    async read<T>(path: string, body?: unknown) {
      const response = await fetch(`${url()}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'x-api-key': operator.key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
