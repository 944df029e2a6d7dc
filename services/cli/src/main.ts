#!/usr/bin/env node
import { run } from './run.js';

// The `baton` executable (see `baton --help`). `bin` points at dist: run `npm run build` first.
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
