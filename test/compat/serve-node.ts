import { spawn, type ChildProcess } from 'node:child_process';

/** A `baton serve` child process and the URL it listens on. */
export interface ServedNode {
  readonly url: string;
  readonly child: ChildProcess;
}

/** `baton serve` (the bundled `cli`) with `args` on a free port; resolves with its URL once it listens. */
export async function serve(cli: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<ServedNode> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production', ...env } });
  let printed = '';
  child.stderr.on('data', (chunk: Buffer) => (printed = `${printed}${chunk.toString()}`.slice(-10_000)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      printed = `${printed}${chunk.toString()}`.slice(-10_000);
      const found = /listening on (http:\/\/\S+)/.exec(printed)?.[1];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`baton serve ${args.join(' ')} exited (${String(code)}) before listening:\n${printed}`)));
  });
  return { url, child };
}

/** Stops it (SIGTERM) and waits for it to exit. */
export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
