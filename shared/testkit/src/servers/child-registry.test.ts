import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reapOrphans, type PidRecord } from './child-registry.js';

const children: ChildProcess[] = [];

/** A stand-in server: a node process whose command line names the binary, once it runs. */
async function fakeServer(binary: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'console.log("up"); setInterval(() => {}, 1000)', binary], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(child);
  // Until exec, /proc/<pid>/cmdline still shows this test runner's command line.
  await once(child.stdout!, 'data');
  return child;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

describe('reapOrphans', () => {
  let pidDir: string;

  function record(server: ChildProcess, ownerPid: number, binary: string): { file: string; dir: string } {
    const dir = mkdtempSync(join(tmpdir(), 'baton-redis-'));
    const content: PidRecord = { serverPid: server.pid!, ownerPid, binary, port: 1, dir };
    const file = join(pidDir, `${binary}-${server.pid}.json`);
    writeFileSync(file, JSON.stringify(content));
    return { file, dir };
  }

  beforeEach(() => {
    pidDir = join(mkdtempSync(join(tmpdir(), 'baton-testkit-reap-')), 'pids');
    mkdirSync(pidDir);
  });

  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    rmSync(join(pidDir, '..'), { recursive: true, force: true });
  });

  it('kills a server whose owner died and removes its pid file and temp dir', async () => {
    // given
    const orphan = await fakeServer('redis-server');
    const { file, dir } = record(orphan, await deadPid(), 'redis-server');

    // when
    const killed = reapOrphans(pidDir);

    // then
    expect(killed).toBe(1);
    expect(await once(orphan, 'exit')).toEqual([null, 'SIGKILL']);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('leaves a server whose owner is alive', async () => {
    // given
    const owned = await fakeServer('nats-server');
    const { file, dir } = record(owned, process.pid, 'nats-server');

    // when
    const killed = reapOrphans(pidDir);

    // then
    expect(killed).toBe(0);
    expect(owned.exitCode ?? owned.signalCode).toBeNull();
    expect([existsSync(file), existsSync(dir)]).toEqual([true, true]);
    rmSync(dir, { recursive: true });
  });

  it('never kills a reused pid whose command line is not the recorded binary', async () => {
    // given
    const stranger = await fakeServer('something-else');
    const { file } = record(stranger, await deadPid(), 'redis-server');

    // when
    const killed = reapOrphans(pidDir);

    // then
    expect(killed).toBe(0);
    expect(stranger.exitCode ?? stranger.signalCode).toBeNull();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(pidDir)).toEqual([]);
  });
});
