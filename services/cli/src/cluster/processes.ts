import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, openSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { BatonError } from '@baton/errors';

/** A child process the launcher started. */
export interface LaunchedProcess {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  readonly logFile: string;
}

/** Debian puts nats-server in /usr/sbin, which a non-root PATH often lacks. */
const wellKnownDirs = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/opt/homebrew/bin'];

/** The path of an executable on PATH or in the usual folders; throws `SERVER_UNAVAILABLE` naming how to install it. */
export function findExecutable(name: string, install: string): string {
  for (const dir of [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), ...wellKnownDirs]) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // Not in this folder; try the next.
    }
  }
  throw new BatonError('SERVER_UNAVAILABLE', `${name} was not found on PATH; install it (${install}) and run again.`, { binary: name });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts `command` detached from the terminal's signals, its output appended to `logFile`. */
export function launch(name: string, command: string, args: readonly string[], url: string, logFile: string): LaunchedProcess {
  const fd = openSync(logFile, 'a');
  try {
    // Own process group: Ctrl-C reaches only the launcher, which then stops the children in order.
    const child = spawn(command, args, { stdio: ['ignore', fd, fd], detached: true });
    if (child.pid === undefined) throw new BatonError('SERVER_UNAVAILABLE', `Could not start ${name}: ${command}.`, { name });
    child.unref();
    return { name, pid: child.pid, url, logFile };
  } finally {
    closeSync(fd);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves when `probe` is true, polling every 50 ms; throws `SERVER_UNAVAILABLE` after `timeoutMs` or when the process died. */
export async function waitUntil(what: LaunchedProcess, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(what.pid)) break;
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const why = isAlive(what.pid) ? `did not get ready within ${timeoutMs} ms` : 'exited';
  throw new BatonError('SERVER_UNAVAILABLE', `${what.name} ${why}; see its log ${what.logFile}.`, { name: what.name, logFile: what.logFile });
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function acceptsTcp(port: number): Promise<boolean> {
  return new Promise((resolveProbe) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolveProbe(true);
    });
    socket.once('error', () => resolveProbe(false));
  });
}

/** Whether the node's readiness probe answers 200. */
export async function isReady(url: string): Promise<boolean> {
  const res = await fetch(`${url}/health/ready`);
  return res.status === 200;
}

/** Sends SIGTERM to each (in order), waits up to `graceMs` for each to exit, then SIGKILLs the rest. */
export async function stopAll(processes: readonly Pick<LaunchedProcess, 'pid'>[], graceMs = 10_000): Promise<void> {
  for (const { pid } of processes) {
    if (!isAlive(pid)) continue;
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
}
