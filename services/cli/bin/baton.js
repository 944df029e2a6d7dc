#!/usr/bin/env node
// Launcher for the `baton` command: the compiled CLI lives in dist (run `npm run build` first).
// It exists so npm can link and mark it executable at install time, before any build.
try {
  await import('../dist/main.js');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/main.js')) {
    process.stderr.write('baton: services/cli is not built; run `npm run build` (tsc -b) at the repository root first.\n');
    process.exitCode = 1;
  } else {
    throw err;
  }
}
