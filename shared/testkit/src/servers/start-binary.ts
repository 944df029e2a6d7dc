import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { reapOrphans, trackChild } from './child-registry.js';
import { freeLoopbackPort } from './free-port.js';
import type { RunningServer } from './running-server.js';
import type { ServerSpec } from './server-spec.js';
import { waitUntilServing } from './wait-until-serving.js';

const readyTimeoutMs = 10_000;
const maxAttempts = 3;
const tailChars = 2_000;
/** Debian puts nats-server in /usr/sbin, which a non-root PATH often lacks. */
const wellKnownDirs = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/opt/homebrew/bin'];

type Launch =
  | { readonly kind: 'ready'; readonly server: RunningServer }
  | { readonly kind: 'failed'; readonly isBindRace: boolean; readonly message: string };

function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== ''), ...wellKnownDirs];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here; try the next directory.
    }
  }
  return undefined;
}

function tailOf(file: string): string {
  try {
    const text = readFileSync(file, 'utf8').trimEnd();
    return text === '' ? '(no output)' : text.slice(-tailChars);
  } catch {
    return '(no output)';
  }
}

function exitOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(signal === null ? `it exited with code ${code}` : `it was killed by ${signal}`));
    child.on('error', (error) => resolve(`it could not be spawned: ${error.message}`));
  });
}

async function launchOnce(spec: ServerSpec, executable: string): Promise<Launch> {
  const port = await freeLoopbackPort();
  const dir = mkdtempSync(join(tmpdir(), `baton-${spec.name}-`));
  const logFile = join(dir, 'server.log');
  const args = spec.args(port, dir);
  const logFd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    // Output goes to a file, not a pipe: no reader to keep alive, and the tail survives a crash.
    child = spawn(executable, args, { cwd: dir, stdio: ['ignore', logFd, logFd] });
  } finally {
    closeSync(logFd);
  }
  const exited = exitOf(child);
  const command = `${executable} ${args.map((arg) => (arg === '' ? '""' : arg)).join(' ')}`;
  if (child.pid === undefined) {
    const reason = await exited;
    rmSync(dir, { recursive: true, force: true });
    return { kind: 'failed', isBindRace: false, message: `${command}: ${reason}` };
  }
  // The owner must not wait for its servers to exit; the registry kills them when it ends.
  child.unref();
  const stop = trackChild(child, { binary: spec.binary, port, dir });
  const outcome = await waitUntilServing(port, spec.handshake, exited, readyTimeoutMs);
  if (outcome.kind === 'ready') {
    return { kind: 'ready', server: { url: `${spec.scheme}://127.0.0.1:${port}`, source: 'binary', stop } };
  }
  const output = tailOf(logFile);
  await stop();
  const why = outcome.kind === 'exited' ? outcome.reason : `it gave no ${spec.name} reply within ${readyTimeoutMs} ms`;
  return {
    kind: 'failed',
    isBindRace: /address already in use/i.test(output),
    message: `${command} did not serve on 127.0.0.1:${port}: ${why}. Last output:\n${output}`,
  };
}

/**
 * Starts the locally installed binary on a free 127.0.0.1 port in a fresh temp dir and
 * resolves once it answers its protocol. Never uses a fixed or default port; retries
 * on a new port when another process took the chosen one first. First reaps servers
 * left by crashed runs. Rejects with the command line and the server's output tail.
 */
export async function startBinary(spec: ServerSpec): Promise<RunningServer> {
  const executable = findExecutable(spec.binary);
  if (executable === undefined) {
    throw new Error(`${spec.binary} is not installed (looked in PATH and ${wellKnownDirs.join(', ')})`);
  }
  reapOrphans();
  for (let attempt = 1; ; attempt += 1) {
    const launch = await launchOnce(spec, executable);
    if (launch.kind === 'ready') return launch.server;
    if (!launch.isBindRace || attempt >= maxAttempts) throw new Error(launch.message);
  }
}
