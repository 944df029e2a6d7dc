import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Flags of Debian's Chromium in the browser tests (as services/engine/src/web-app.browser.test.ts). */
export const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const harness = fileURLToPath(new URL('./', import.meta.url));

/** Bundles a page entry of this folder for the browser; its `vitest` imports get the in-page runner (mini-vitest.ts). */
export async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [`${harness}${entry}`],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    conditions: ['source'],
    logLevel: 'silent',
    plugins: [{ name: 'in-page-vitest', setup: (b) => b.onResolve({ filter: /^vitest$/ }, () => ({ path: `${harness}mini-vitest.ts` })) }],
  });
  return result.outputFiles[0]?.text ?? '';
}

/** A page served on a loopback port (localStorage needs an origin). */
export interface ServedPage {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves one page that loads `script` as a module. */
export async function servePage(script: string): Promise<ServedPage> {
  const server = createServer((request, response) => {
    if (request.url === '/page.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>baton page test</title><script type="module" src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
