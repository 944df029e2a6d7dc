import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chownSync, closeSync, constants, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { BatonError } from '@baton/errors';
import { reapOrphans, trackChild } from './child-registry.js';
import { freeLoopbackPort } from './free-port.js';
import type { RunningServer } from './running-server.js';
import type { StartServerOptions } from './start-server.js';
import { probeContainerRuntime } from './start-container.js';

const envVar = 'BATON_TEST_POSTGRES_URL';
const image = 'postgres:16-alpine';
const readyTimeoutMs = 60_000;
const maxAttempts = 3;
const readyLine = /database system is ready to accept connections/;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Debian keeps initdb and postgres in /usr/lib/postgresql/<major>/bin, off PATH: the highest major wins. */
export function findBinDir(): string | undefined {
  const debian = (() => {
    try {
      return readdirSync('/usr/lib/postgresql')
        .filter((major) => /^\d+$/.test(major))
        .sort((a, b) => Number(b) - Number(a))
        .map((major) => `/usr/lib/postgresql/${major}/bin`);
    } catch {
      return [];
    }
  })();
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== ''), ...debian, '/usr/local/bin', '/opt/homebrew/bin'];
  return dirs.find((dir) => {
    try {
      accessSync(join(dir, 'initdb'), constants.X_OK);
      accessSync(join(dir, 'postgres'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Postgres refuses to run as root: as root, its processes run as the `postgres` user (what `runuser -u postgres` does). */
export function runAs(): { readonly uid: number; readonly gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('running as root, but there is no "postgres" user to run initdb and postgres as (Debian\'s postgresql package creates it)');
  }
}

export function run(executable: string, args: readonly string[], user: ReturnType<typeof runAs>): void {
  execFileSync(executable, args, { stdio: 'pipe', ...(user ?? {}) });
}

/** Undefined once `logFile` (from byte `from` on) says the server accepts connections; else why not. */
export async function waitForReady(logFile: string, child: ChildProcess, from = 0): Promise<string | undefined> {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return `it exited (${child.exitCode ?? child.signalCode})`;
    let log = '';
    try {
      log = readFileSync(logFile, 'utf8').slice(from);
    } catch {
      // Not written yet.
    }
    if (readyLine.test(log)) return undefined;
    // Polls the server's own log file, not a test condition.
    await delay(50);
  }
  return `it did not log readiness within ${readyTimeoutMs} ms`;
}

async function launchOnce(binDir: string, user: ReturnType<typeof runAs>): Promise<RunningServer | { readonly failed: string; readonly isBindRace: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-postgres-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  if (user !== undefined) {
    chownSync(dir, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  try {
    run(join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], user);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    return { failed: `initdb failed: ${messageOf(error)} ${stderr}`, isBindRace: false };
  }
  const port = await freeLoopbackPort();
  const logFile = join(dir, 'server.log');
  // fsync off: test data need not survive a crash of the machine.
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300', '-c', `log_directory=${dir}`, '-c', 'logging_collector=off'];
  const logFd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(join(binDir, 'postgres'), args, { cwd: dir, stdio: ['ignore', logFd, logFd], ...(user ?? {}) });
  } finally {
    closeSync(logFd);
  }
  child.on('error', () => undefined);
  child.unref();
  const stopTracked = trackChild(child, { binary: 'postgres', port, dir });
  // SIGINT is Postgres's fast shutdown (SIGTERM waits for clients); the registry escalates to SIGKILL.
  const stop = (): Promise<void> => {
    child.kill('SIGINT');
    return stopTracked();
  };
  const problem = await waitForReady(logFile, child);
  if (problem === undefined) return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, source: 'binary', stop };
  const output = readFileSync(logFile, 'utf8').slice(-2_000);
  await stop();
  return { failed: `postgres on 127.0.0.1:${port}: ${problem}. Last output:\n${output}`, isBindRace: /already in use|could not bind/i.test(output) };
}

/** The local binaries (initdb, postgres) in a fresh temp dir on a free loopback port. */
async function startPostgresBinary(): Promise<RunningServer> {
  const binDir = findBinDir();
  if (binDir === undefined) throw new Error('initdb and postgres are not installed (looked in PATH and /usr/lib/postgresql/*/bin)');
  const user = runAs();
  reapOrphans();
  for (let attempt = 1; ; attempt += 1) {
    const launch = await launchOnce(binDir, user);
    if (!('failed' in launch)) return launch;
    if (!launch.isBindRace || attempt >= maxAttempts) throw new Error(launch.failed);
  }
}

async function startPostgresContainer(): Promise<RunningServer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(image)
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withExposedPorts(5432)
    // The image's entrypoint starts a server for its init scripts first, then the real one.
    .withWaitStrategy(Wait.forLogMessage(readyLine, 2))
    .withStartupTimeout(120_000)
    .start();
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`,
    source: 'testcontainers',
    stop: () => {
      stopping ??= container.stop().then(() => undefined);
      return stopping;
    },
  };
}

/**
 * A real Postgres for integration tests: `BATON_TEST_POSTGRES_URL` if set, else a
 * `postgres:16-alpine` container if Docker answers, else the local `initdb` and
 * `postgres` (Debian: /usr/lib/postgresql/<major>/bin; as the `postgres` user when
 * root) on a free 127.0.0.1 port with its data and socket in a temp dir. Resolves
 * once the server accepts connections; throws `SERVER_UNAVAILABLE` when no way works.
 */
export async function startPostgres(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const fromEnv = env[envVar]?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return { url: fromEnv, source: 'env', stop: () => Promise.resolve() };
  const tried = [`${envVar} is not set`];
  const runtime = await probeContainerRuntime();
  if (runtime.isAvailable) {
    try {
      return await startPostgresContainer();
    } catch (error) {
      tried.push(`testcontainers could not start ${image}: ${messageOf(error)}`);
    }
  } else tried.push(`no Docker engine answered testcontainers (${runtime.reason})`);
  try {
    return await startPostgresBinary();
  } catch (error) {
    tried.push(`the local binaries failed: ${messageOf(error)}`);
    throw new BatonError(
      'SERVER_UNAVAILABLE',
      `No postgres server for the tests. Tried, in order:\n${tried.map((step, i) => `  ${i + 1}. ${step}`).join('\n')}\n` +
        `To fix, do one of: set ${envVar}=postgres://user@host:port/db to a server you run; start Docker; or apt-get install postgresql.`,
      { server: 'postgres', tried },
      { cause: error },
    );
  }
}
