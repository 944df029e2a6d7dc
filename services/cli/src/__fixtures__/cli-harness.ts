import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { startNode, type RunningNode } from '@baton/engine';
import { run } from '../run.js';

/** The BPMN models of the node tests: approval (a user task), waits (a message and a signal), routing (an incident). */
export const nodeModels = fileURLToPath(new URL('./node/', import.meta.url));

/** What one `baton ...` call wrote and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `baton ...argv` in process and captures what it writes. */
export async function baton(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A real engine node on a free loopback port, quiet, with nothing deployed. */
export function startQuietNode(): Promise<RunningNode> {
  return startNode({ port: 0, handleSignals: false, logger: pino({ level: 'silent' }), print: () => undefined });
}

/** A loopback URL where nothing listens: a port the OS just handed out and took back. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/** The value of the `name  value` line of a human answer. */
export function field(stdout: string, name: string): string | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(`${name} `));
  return line?.slice(name.length).trim();
}
