/** @baton/cli: the `baton` command. `run` is the whole command line, in process. */
export { run } from './run.js';
export { exitCodes, type CliIo } from './io.js';
