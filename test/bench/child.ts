import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchExecArgv } from './paths.js';

/** Any message a bench child sends: `type` names it; `failed` carries `message`. */
interface Typed {
  readonly type: string;
  readonly message?: string;
}

/** A forked bench process and its messages, awaited by type. */
export interface BenchChild {
  /** The first message of `type` (buffered if it came earlier); rejects if the child failed or exited first. */
  waitFor<M extends Typed>(type: M['type']): Promise<M>;
  send(message: Typed): void;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
  kill(): void;
}

/**
 * Forks test/bench/dist/`script` with `config` as JSON in argv[2]; `progress`
 * messages are written to stderr under `label`.
 */
export function forkBench(script: string, config: unknown, label: string): BenchChild {
  const entry = join(dirname(fileURLToPath(import.meta.url)), script);
  const child: ChildProcess = fork(entry, [JSON.stringify(config)], { execArgv: benchExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const received: Typed[] = [];
  const waiters: { type: string; resolve: (m: Typed) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | undefined;
  const failAll = (error: Error): void => {
    failure ??= error;
    for (const w of waiters.splice(0)) w.reject(failure);
  };
  child.on('message', (message: Typed & { phase?: string; instances?: number; elapsedMs?: number }) => {
    if (message.type === 'progress') {
      const seconds = (message.elapsedMs ?? 0) / 1_000;
      process.stderr.write(`${label} ${message.phase} ${seconds.toFixed(1)} s: ${message.instances} (${Math.round((message.instances ?? 0) / seconds)}/s)\n`);
      return;
    }
    if (message.type === 'failed') return failAll(new Error(`${label}: ${message.message ?? 'failed'}`));
    const index = waiters.findIndex((w) => w.type === message.type);
    if (index < 0) received.push(message);
    else waiters.splice(index, 1)[0]?.resolve(message);
  });
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      failAll(new Error(`${label}: process exited with ${signal ?? code}`));
      resolve();
    });
  });
  child.on('error', (error) => failAll(error));
  return {
    waitFor: <M extends Typed>(type: M['type']) =>
      new Promise<M>((resolve, reject) => {
        const index = received.findIndex((m) => m.type === type);
        if (index >= 0) return resolve(received.splice(index, 1)[0] as M);
        if (failure !== undefined) return reject(failure);
        waiters.push({ type, resolve: resolve as (m: Typed) => void, reject });
      }),
    send: (message) => {
      if (child.connected) child.send(message);
    },
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
