#!/usr/bin/env node
// Runs after every `npm install` (root postinstall). npm 11 records optionalDependencies
// of platform-binary packages (unrs-resolver, msgpackr-extract) whose other-platform
// builds the registry we install from does not serve; the lockfile then names packages
// it has no entry for, and `npm ci` refuses it ("Missing: ... from lock file").
// This drops exactly those names, so `npm ci` works on a fresh machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Where npm would resolve `name` from the package at `path` (nested node_modules first). */
function resolves(paths, path, name) {
  let base = path;
  for (;;) {
    if (paths.has(`${base ? `${base}/` : ''}node_modules/${name}`)) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** The `[packagePath, dependencyName]` pairs of optional dependencies with no lock entry. */
export function danglingOptionalDependencies(lock) {
  const paths = new Set(Object.keys(lock.packages ?? {}));
  const dangling = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (!resolves(paths, path, name)) dangling.push([path, name]);
    }
  }
  return dangling;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? 'package-lock.json';
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  const dangling = danglingOptionalDependencies(lock);
  for (const [path, name] of dangling) delete lock.packages[path].optionalDependencies[name];
  if (dangling.length > 0) writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`fix-lockfile: dropped ${dangling.length} optional dependencies the registry does not serve`);
}
