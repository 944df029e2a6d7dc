import { randomUUID } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Workspace sources (and JSON data) are bundled. Third-party packages stay imports, but
 * of the exact file esbuild resolved from the importing package (workspaces may have
 * their own nested node_modules with another version than the root's). Each bundled
 * module keeps its own `import.meta.url` (Redis reads its Lua files, Faye loads its
 * CommonJS module, relative to the source).
 */
const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup(context) {
    // JSON (moddle descriptors) is bundled: an external JSON import would need its `with { type: 'json' }` kept.
    const isBundled = (path: string): boolean => path.startsWith('@baton/') || path.endsWith('.json');
    context.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (isBundled(args.path) || args.pluginData === 'resolving') return undefined;
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const resolved = await context.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
    context.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/**
 * Builds the `baton` CLI from its TypeScript sources into one ESM file (esbuild, well
 * under a second), so tests can run it as a real process without `npm run build`.
 * Returns the file to run with `node`.
 */
export function bundleBatonCli(): Promise<string> {
  return bundleScript(`${root}services/cli/src/main.ts`, 'baton-cli');
}

/** Bundles any TypeScript entry of the repository the same way (a test's own child process); returns the file to run. */
export async function bundleScript(entry: string, name: string): Promise<string> {
  const outfile = `${root}node_modules/.cache/baton-test/${name}.mjs`;
  // Test files bundle in parallel while others run the bundle: write aside, then rename (atomic).
  const written = `${outfile}.${randomUUID()}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: written,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    plugins: [keepModuleUrls],
    logLevel: 'error',
  });
  await rename(written, outfile);
  return outfile;
}
