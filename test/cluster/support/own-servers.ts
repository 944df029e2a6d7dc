import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Debian puts nats-server in /usr/sbin, which a non-root PATH often lacks. */
const wellKnownDirs = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/opt/homebrew/bin'];
const readyTimeoutMs = 10_000;

/**
 * A redis-server or nats-server of one test's own, on one loopback port for its whole
 * life: `stop()` kills it and `start()` brings it back on the same port (and, for
 * Redis, the same data directory), which the shared servers of the test run cannot do.
 */
export interface OwnServer {
  readonly url: string;
  readonly port: number;
  /** Starts the server (again); resolves once it says it is ready. */
  start(): Promise<void>;
  /** SIGKILL, then waits for the exit: an outage, not a shutdown. */
  kill(): Promise<void>;
  /** SIGSTOP: the process keeps its sockets open but answers nothing (a hung server). */
  pause(): void;
  /** SIGCONT after {@link pause}. */
  resume(): void;
  /** Stops it for good and removes its directory; idempotent. */
  dispose(): Promise<void>;
}

function executable(name: string): string {
  for (const dir of [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), ...wellKnownDirs]) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // Not in this folder; try the next.
    }
  }
  throw new Error(`${name} is not on PATH; install it (apt-get install redis-server nats-server)`);
}

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Resolves when `child` prints `ready` (on either stream); rejects when it exits first or stays silent. */
function untilReady(child: ChildProcess, ready: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} was not ready within ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${String(code ?? signal)}) before it was ready:\n${output}`));
    });
  });
}

function ownServer(name: string, port: number, args: readonly string[], ready: RegExp, scheme: string): OwnServer {
  const dir = mkdtempSync(join(tmpdir(), `baton-cluster-${name}-`));
  const binary = executable(name);
  let child: ChildProcess | undefined;
  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  const signal = (name: NodeJS.Signals): void => {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill(name);
  };
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    async start() {
      if (child !== undefined) throw new Error(`${name} on port ${port} is already running`);
      child = spawn(binary, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      await untilReady(child, ready, `${name} on port ${port}`);
    },
    kill,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    async dispose() {
      signal('SIGCONT');
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A redis-server with AOF on, as deploy/compose.yaml runs it (`everysec`: Redis writes
 * the AOF before it replies, so killing the process loses no acknowledged write); `start()` it.
 * With `isPersistent: false` it keeps nothing: started again, it is empty.
 */
export async function ownRedis({ isPersistent = true }: { readonly isPersistent?: boolean } = {}): Promise<OwnServer> {
  const port = await freePort();
  const persistence = isPersistent ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--maxmemory-policy', 'noeviction'];
  return ownServer('redis-server', port, args, /Ready to accept connections/, 'redis');
}

/** A nats-server; `start()` it. */
export async function ownNats(): Promise<OwnServer> {
  const port = await freePort();
  return ownServer('nats-server', port, ['-a', '127.0.0.1', '-p', String(port)], /Server is ready/, 'nats');
}
