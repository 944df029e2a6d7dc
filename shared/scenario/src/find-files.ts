import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** What `findFiles` found for one given path. */
export type FoundPath =
  | { readonly type: 'files'; readonly path: string; readonly files: readonly string[] }
  | { readonly type: 'missing'; readonly path: string };

/**
 * For each path: a file is taken as is; a folder is searched recursively for files
 * whose name ends with `suffix` (or that `suffix` accepts, when a function), skipping
 * `node_modules` and dot-folders, sorted so runs are repeatable. A path that does
 * not exist is reported, not thrown.
 */
export async function findFiles(paths: readonly string[], suffix: string | ((name: string) => boolean)): Promise<FoundPath[]> {
  const found: FoundPath[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) found.push({ type: 'missing', path });
    else if (info.isDirectory()) found.push({ type: 'files', path, files: (await walk(resolve(path), suffix)).sort() });
    else found.push({ type: 'files', path, files: [resolve(path)] });
  }
  return found;
}

async function walk(dir: string, suffix: string | ((name: string) => boolean)): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) files.push(...(await walk(full, suffix)));
    } else if (typeof suffix === 'string' ? entry.name.endsWith(suffix) : suffix(entry.name)) {
      files.push(full);
    }
  }
  return files;
}
