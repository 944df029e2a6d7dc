import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One pid file in {@link defaultPidDir}: a server child and the process that owns it.
 * `binary` is checked against the live command line before a kill, so a reused pid
 * is never killed; `dir` is the server's temp dir, removed with it.
 */
export interface PidRecord {
  readonly serverPid: number;
  readonly ownerPid: number;
  readonly binary: string;
  readonly port: number;
  readonly dir: string;
}

interface Tracked {
  readonly child: ChildProcess;
  readonly file: string;
  readonly dir: string;
}

const graceMs = 3_000;
const reraiseDelayMs = 200;
const live = new Set<Tracked>();
let areHandlersInstalled = false;

/** Where pid files live: `os.tmpdir()/baton-testkit/`. */
export function defaultPidDir(): string {
  return join(tmpdir(), 'baton-testkit');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return undefined;
    }
  }
}

function isServerDir(dir: unknown): dir is string {
  return typeof dir === 'string' && dir.startsWith(join(tmpdir(), 'baton-'));
}

function readRecord(file: string): Partial<PidRecord> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<PidRecord>;
  } catch {
    return undefined;
  }
}

function cleanUp(tracked: Tracked): void {
  live.delete(tracked);
  rmSync(tracked.file, { force: true });
  rmSync(tracked.dir, { recursive: true, force: true });
}

/** Sync on purpose: it also runs in `process.on('exit')`, where nothing async completes. */
function killAllNow(): void {
  for (const tracked of live) {
    tracked.child.kill('SIGKILL');
    cleanUp(tracked);
  }
}

/**
 * Our listener cancels Node's default of dying on the signal, so after killing the
 * servers we re-raise it. With other listeners left (vitest exits on its own;
 * signal-exit, loaded by testcontainers, re-raises only when it is the last one)
 * we wait a moment first, so whoever exits cleanly can.
 */
function onSignal(signal: NodeJS.Signals): void {
  killAllNow();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  else setTimeout(() => process.kill(process.pid, signal), reraiseDelayMs).unref();
}

function installHandlers(): void {
  if (areHandlersInstalled) return;
  areHandlersInstalled = true;
  process.on('exit', killAllNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function terminate(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const escalation = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(escalation);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Records a started server child so it dies with its owner: a pid file for
 * {@link reapOrphans}, and kills on process exit, SIGINT and SIGTERM.
 * Returns an idempotent stop: SIGTERM, SIGKILL after a grace, then the pid file
 * and `dir` are removed.
 */
export function trackChild(
  child: ChildProcess,
  server: { readonly binary: string; readonly port: number; readonly dir: string },
  pidDir: string = defaultPidDir(),
): () => Promise<void> {
  const serverPid = child.pid;
  if (serverPid === undefined) throw new Error(`${server.binary} has no pid: it was not spawned`);
  installHandlers();
  mkdirSync(pidDir, { recursive: true });
  const file = join(pidDir, `${server.binary}-${serverPid}.json`);
  const record: PidRecord = { serverPid, ownerPid: process.pid, ...server };
  // Write then rename, so a concurrent reaper never reads half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(record));
  renameSync(`${file}.tmp`, file);
  const tracked: Tracked = { child, file, dir: server.dir };
  live.add(tracked);
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= terminate(child).then(() => cleanUp(tracked));
    return stopping;
  };
}

/**
 * Kills servers left by a crashed earlier run: for each pid file whose owner is dead,
 * SIGKILL the server if its command line still names the binary, remove its temp
 * dir and the file. Servers with a live owner are left alone. Returns how many it killed.
 */
export function reapOrphans(pidDir: string = defaultPidDir()): number {
  let entries: string[];
  try {
    entries = readdirSync(pidDir).filter((entry) => entry.endsWith('.json'));
  } catch {
    return 0;
  }
  let killed = 0;
  for (const entry of entries) {
    const file = join(pidDir, entry);
    const record = readRecord(file);
    const { serverPid, ownerPid, binary, dir } = record ?? {};
    if (typeof ownerPid === 'number' && isAlive(ownerPid)) continue;
    if (typeof serverPid === 'number' && typeof binary === 'string' && isAlive(serverPid)) {
      if (commandLineOf(serverPid)?.includes(binary) === true) {
        try {
          process.kill(serverPid, 'SIGKILL');
          killed += 1;
        } catch {
          // It ended between the check and the kill.
        }
      }
    }
    if (isServerDir(dir)) rmSync(dir, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
  return killed;
}
