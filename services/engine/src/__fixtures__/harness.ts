import { readFileSync } from 'node:fs';
import { createInMemoryEngine } from '@baton/memory';
import type { FastifyInstance } from 'fastify';
import type { EngineApi } from '../engine-api.js';
import { createRuntimeEngineApi } from '../runtime-engine-api.js';
import { buildServer, type ServerOptions } from '../server.js';

/** The XML of `src/__fixtures__/<name>.bpmn`. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}.bpmn`, import.meta.url), 'utf8');
}

/** A multipart body with one file part per entry, all in field `resources` unless named otherwise. */
export function multipart(files: readonly { name: string; xml: string; field?: string }[], fields: Readonly<Record<string, string>> = {}): { payload: string; headers: Record<string, string> } {
  const boundary = '----baton-test-boundary';
  const parts = files.map(
    (f) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'resources'}"; filename="${f.name}"\r\n` +
      `Content-Type: application/xml\r\n\r\n${f.xml}\r\n`,
  );
  for (const [name, value] of Object.entries(fields)) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface Harness {
  readonly app: FastifyInstance;
  readonly engine: EngineApi;
  /** Deploys `simple.bpmn` once; returns its processDefinitionKey as the deployment answered it. */
  readonly deploySimple: () => Promise<string>;
  /** Deploys `simple.bpmn` once and starts one instance; returns its key. */
  readonly startSimple: (variables?: Record<string, unknown>) => Promise<string>;
  readonly close: () => Promise<void>;
}

/** The runtime on in-memory adapters (node `test-node`, real clock): the engine a test gets unless it brings its own. */
export async function inMemoryEngineApi(): Promise<EngineApi> {
  const engine = createInMemoryEngine({ nodeId: 'test-node' });
  return createRuntimeEngineApi({ engine, bus: engine.bus });
}

/** A server on the given engine (default: {@link inMemoryEngineApi}). */
export async function harness(given?: EngineApi, options: Partial<ServerOptions> = {}): Promise<Harness> {
  const engine = given ?? (await inMemoryEngineApi());
  const app = await buildServer({ engine, nodeId: 'test-node', capabilities: ['charge-card'], ...options });
  let deployedKey: string | undefined;
  const deploySimple = async (): Promise<string> => {
    if (deployedKey !== undefined) return deployedKey;
    const res = await app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: fixture('simple') });
    if (res.statusCode !== 200) throw new Error(`deploy failed: ${res.body}`);
    const [deployment] = res.json<{ deployments: { processDefinition: { processDefinitionKey: string } }[] }>().deployments;
    if (deployment === undefined) throw new Error(`deploy answered no definition: ${res.body}`);
    deployedKey = deployment.processDefinition.processDefinitionKey;
    return deployedKey;
  };
  return {
    app,
    engine,
    deploySimple,
    async startSimple(variables = {}) {
      await deploySimple();
      const res = await app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'simple', variables } });
      if (res.statusCode !== 200) throw new Error(`start failed: ${res.body}`);
      return res.json<{ processInstanceKey: string }>().processInstanceKey;
    },
    async close() {
      await app.close();
      await engine.close();
    },
  };
}
