import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { createApiKey, startNode, type RunningNode } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestResult } from './harness/mini-vitest.js';
import { bundlePage, chromiumFlags } from './harness/page-harness.js';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The page and the node's store API on one origin, as a deployment serves them (the node
 * sends no CORS headers): `/v2/store/*` is passed on to the node as it came, the rest is the page.
 */
function servePageBeside(script: string, nodeUrl: string, forwarded: { count: number }): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/page.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    if (request.url?.startsWith('/v2/store/') !== true) {
      return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>proxy store</title><script type="module" src="/page.js"></script>');
    }
    forwarded.count += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = { 'content-type': request.headers['content-type'] ?? 'application/json', 'x-api-key': String(request.headers['x-api-key'] ?? '') };
      fetch(`${nodeUrl}${request.url ?? ''}`, { method: 'POST', headers, body: Buffer.concat(chunks) }).then(
        async (answer) => response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer())),
        () => response.writeHead(502).end(),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The ProcessStore contract (shared/testkit) in real Chromium on the proxy store: the page's fetch to a node's store API, with an API key of role store (issue 17). */
describe('the ProcessStore contract in Chromium on the proxy store', () => {
  const key = createApiKey('page');
  let node: RunningNode;
  let server: Server;
  let browser: Browser;
  const forwarded = { count: 0 };

  beforeAll(async () => {
    if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: run "apt-get install chromium" or set CHROMIUM_PATH.`);
    node = await startNode({
      port: 0,
      logger: pino({ level: 'silent' }),
      print: () => undefined,
      handleSignals: false,
      // The contract's outbox entries are for no engine: the node's sweep must not run them mid-test.
      outboxSweepMs: 86_400_000,
      auth: { identity: { users: [], groups: [], apiKeys: [{ keyId: 'page', hash: key.hash, roles: ['store'], jobTypes: [] }] }, sessionSecret: 's'.repeat(32) },
    });
    server = await servePageBeside(await bundlePage('proxy-store-contract.page.ts'), node.url, forwarded);
    browser = await chromium.launch({ executablePath, args: chromiumFlags });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await node?.close();
  });

  it('passes every test of the suite', async () => {
    // given
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'runContract' in globalThis);
    // when
    const results = await page.evaluate((apiKey) => (globalThis as unknown as { runContract: (k: string) => Promise<TestResult[]> }).runContract(apiKey), key.key);
    // then: as many tests as the suite has in Node (26), none failed
    expect(results.filter((r) => r.error !== undefined)).toEqual([]);
    expect(results.length).toBe(26);
    // and every call went to the node's store API
    expect(forwarded.count).toBeGreaterThan(100);
  });
});
