import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { isomorphicPackages } from '../../eslint.config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Bundles `contents` as if it were a file in `dir`, for a browser. */
async function bundleForBrowser(dir: string, contents: string): Promise<string[]> {
  try {
    await build({
      stdin: { contents, resolveDir: `${root}${dir}`, sourcefile: 'entry.ts', loader: 'ts' },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      conditions: ['source'],
      logLevel: 'silent',
    });
    return [];
  } catch (err) {
    return ((err as { errors?: { text: string }[] }).errors ?? []).map((e) => e.text);
  }
}

const eslint = new ESLint({ cwd: root, ignore: false });

async function lintAs(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('isomorphic packages bundle for the browser', { timeout: 60_000 }, () => {
  it.each(isomorphicPackages)('shared/%s bundles with platform browser and no Node built-in', async (pkg) => {
    expect(await bundleForBrowser(`shared/${pkg}/src`, "export * from './index.ts';")).toEqual([]);
  });

  it('the engine in a page (@baton/browser) bundles for the browser, minified under 250 KB gzipped (issue 17)', async () => {
    // given the package's entry, bundled as a page would
    const result = await build({
      entryPoints: [`${root}shared/browser/src/index.ts`],
      bundle: true,
      write: false,
      minify: true,
      platform: 'browser',
      format: 'esm',
      conditions: ['source'],
      logLevel: 'silent',
    });
    // then: no Node built-in on the way, and within the budget
    const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
    expect(gzipSync(bytes).length).toBeLessThan(250 * 1024);
  });

  it('fails to bundle a core file that imports node:fs', async () => {
    // given a core entry that reaches for a Node built-in
    const errors = await bundleForBrowser('shared/core/src', "import 'node:fs';\nexport * from './index.ts';");
    // then esbuild refuses it for the browser
    expect(errors.join('\n')).toMatch(/node:fs/);
  });
});

describe('lint keeps the isomorphic boundary', { timeout: 60_000 }, () => {
  it('refuses node:fs in shared/core', async () => {
    const messages = await lintAs('shared/core/src/fixture.ts', "import 'node:fs';\nexport const x = 1;\n");
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('refuses a server driver and a Node global in shared/runtime', async () => {
    const text = "import Redis from 'ioredis';\nexport const r = Redis;\nexport const env = process.env;\n";
    const messages = await lintAs('shared/runtime/src/fixture.ts', text);
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
    expect(messages.some((m) => m.startsWith('no-restricted-globals'))).toBe(true);
  });

  it('refuses clocks and randomness in the core', async () => {
    const text = 'export const now = Date.now();\nexport const r = Math.random();\n';
    const messages = await lintAs('shared/core/src/fixture.ts', text);
    expect(messages.some((m) => m.startsWith('no-restricted-globals'))).toBe(true);
    expect(messages.some((m) => m.startsWith('no-restricted-properties'))).toBe(true);
  });

  it('allows node:fs in a service', async () => {
    const messages = await lintAs('services/engine/src/fixture.ts', "import 'node:fs';\nexport const x = 1;\n");
    expect(messages).toEqual([]);
  });

  it('fails an import cycle', async () => {
    const [result] = await eslint.lintFiles([`${root}test/unit/fixtures/cycle/a.ts`]);
    expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});
