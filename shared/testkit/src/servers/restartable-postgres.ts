import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackChild } from './child-registry.js';
import { freeLoopbackPort } from './free-port.js';
import { findBinDir, run, runAs, waitForReady } from './start-postgres.js';

/**
 * A Postgres of one test's own on one loopback port and data directory for its whole
 * life, which {@link startPostgres}'s servers cannot give: `crash()` and `start()` again
 * bring it back on the same port with the same data (crash recovery from its WAL).
 */
export interface RestartablePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  /** Starts the server (again); resolves once it accepts connections. */
  start(): Promise<void>;
  /** SIGQUIT, Postgres's immediate shutdown: every backend dies at once, nothing is flushed (a crash); resolves once it exited. */
  crash(): Promise<void>;
  /** Stops it for good and removes its directory; idempotent. */
  dispose(): Promise<void>;
}

/**
 * A fresh cluster (`initdb`) in a temp dir, not yet started; needs the local binaries
 * (Debian's postgresql package; as root they run as the `postgres` user). fsync stays
 * on: a crash must lose nothing a commit acknowledged.
 */
export async function createRestartablePostgres(): Promise<RestartablePostgres> {
  const binDir = findBinDir();
  if (binDir === undefined) throw new Error('initdb and postgres are not installed (looked in PATH and /usr/lib/postgresql/*/bin); apt-get install postgresql');
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'baton-postgres-own-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  if (user !== undefined) {
    chownSync(dir, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  run(join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], user);
  const port = await freeLoopbackPort();
  const logFile = join(dir, 'server.log');
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'logging_collector=off'];
  let child: ChildProcess | undefined;
  let untrack: (() => Promise<void>) | undefined;
  let starts = 0;

  const crash = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGQUIT');
    await exited;
    await untrack?.();
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      if (child !== undefined) throw new Error(`postgres on port ${port} is already running`);
      const logFd = openSync(logFile, 'a');
      const from = statSync(logFile).size;
      try {
        child = spawn(join(binDir, 'postgres'), args, { cwd: dir, stdio: ['ignore', logFd, logFd], ...(user ?? {}) });
      } finally {
        closeSync(logFd);
      }
      child.on('error', () => undefined);
      // The registry removes the dir it is given when the server stops: a run's own, not the data's.
      starts += 1;
      const runDir = join(dir, `run-${starts}`);
      mkdirSync(runDir);
      untrack = trackChild(child, { binary: 'postgres', port, dir: runDir });
      const problem = await waitForReady(logFile, child, from);
      if (problem !== undefined) throw new Error(`postgres on 127.0.0.1:${port}: ${problem}. Last output:\n${readFileSync(logFile, 'utf8').slice(-2_000)}`);
    },
    crash,
    async dispose() {
      await crash();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
