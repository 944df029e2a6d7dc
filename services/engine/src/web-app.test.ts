import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inMemoryEngineApi } from './__fixtures__/harness.js';
import { testIdentity } from './auth/__fixtures__/auth-harness.js';
import type { EngineApi } from './engine-api.js';
import { buildServer } from './server.js';

/** services/web, built with Vite into a temporary folder and served by a node with authentication on. */
describe('the browser app at /', () => {
  let outDir: string;
  let engine: EngineApi;
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'baton-web-'));
    const webPackage = dirname(createRequire(import.meta.url).resolve('@baton/web/package.json'));
    await build({ root: webPackage, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    engine = await inMemoryEngineApi();
    app = await buildServer({ engine, nodeId: 'web-node', webRoot: outDir, auth: { identity: await testIdentity() } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await engine.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('builds, and serves the page and its assets without credentials, not to be framed', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).toContain('Baton tasks');
    const [script] = /assets\/[^"]+\.js/.exec(html) ?? [];
    expect(await readdir(join(outDir, 'assets'))).toContain(script?.slice('assets/'.length));
    const asset = await fetch(`${url}/${script ?? ''}`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('/v2/user-tasks/search');
  });

  it('keeps the API behind authentication and unknown paths 404 problems', async () => {
    expect((await fetch(`${url}/v2/process-definitions`)).status).toBe(401);
    const missing = await fetch(`${url}/no/such/page`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });
});
