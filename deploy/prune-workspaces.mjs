// Build-stage helper for deploy/Dockerfile: keeps in package.json only the workspaces the
// given one needs at run time (itself and its @baton/* dependencies, transitively) and
// drops the root devDependencies, so `npm install --omit=dev` installs nothing for test
// workspaces (testkit pulls in testcontainers and vitest). The folders of the dropped
// workspaces are deleted.
//   node deploy/prune-workspaces.mjs <dir> @baton/cli
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir = '.', entry = '@baton/cli'] = process.argv.slice(2);
const root = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const byName = new Map(
  root.workspaces.map((path) => [JSON.parse(readFileSync(join(dir, path, 'package.json'), 'utf8')).name, path]),
);
const needed = new Set();
const visit = (name) => {
  if (needed.has(name) || !byName.has(name)) return;
  needed.add(name);
  const manifest = JSON.parse(readFileSync(join(dir, byName.get(name), 'package.json'), 'utf8'));
  for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
};
visit(entry);
if (needed.size === 0) throw new Error(`${entry} is not a workspace of ${dir}`);
const nameOf = new Map([...byName].map(([name, path]) => [path, name]));
for (const path of root.workspaces.filter((p) => !needed.has(nameOf.get(p)))) rmSync(join(dir, path), { recursive: true, force: true });
root.workspaces = root.workspaces.filter((path) => needed.has(nameOf.get(path)));
delete root.devDependencies;
delete root.scripts;
writeFileSync(join(dir, 'package.json'), `${JSON.stringify(root, null, 2)}\n`);
process.stdout.write(`runtime workspaces: ${root.workspaces.join(' ')}\n`);
