import type { RunningNode } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, field, nodeModels, startQuietNode } from '../__fixtures__/cli-harness.js';

let node: RunningNode;
let url: string[];

beforeAll(async () => {
  node = await startQuietNode();
  url = ['--url', node.url];
  const deployed = await baton('deploy', nodeModels, ...url);
  if (deployed.code !== 0) throw new Error(`deploy failed: ${deployed.stderr}`);
});
afterAll(() => node.close());

/** Starts `processId` and returns the instance key `baton start` printed. */
async function start(processId: string, ...vars: string[]): Promise<string> {
  const started = await baton('start', processId, ...vars.flatMap((v) => ['--var', v]), ...url);
  expect(started.code).toBe(0);
  return field(started.stdout, 'instance') ?? '';
}

describe('publish-message, broadcast-signal, cancel', () => {
  it('moves a waiting instance on with a message and a signal, until it completes', async () => {
    // given an instance waiting for payment (by orderId) and for a stock signal
    const key = await start('waits', 'orderId="o-1"');
    const waiting = await baton('instances', key, ...url);
    expect(waiting.stdout).toMatch(/\n {2}payment +message +- +name payment-received\n/);
    expect(waiting.stdout).toMatch(/\n {2}stock +signal +- +name stock-updated\n/);

    // when the message is published with its correlation key
    const published = await baton('publish-message', 'payment-received', '--correlation-key', 'o-1', '--var', 'paid=true', ...url);

    // then it reaches the instance, which now waits only on the signal
    expect(published.code).toBe(0);
    expect(published.stdout).toMatch(/^published message payment-received \(key \S+\)/);
    const afterMessage = await baton('instances', key, ...url);
    expect(afterMessage.stdout).not.toMatch(/\n {2}payment /);
    expect(afterMessage.stdout).toMatch(/\n {2}paid +true\n/);

    // when the signal is broadcast, the instance completes
    const broadcast = await baton('broadcast-signal', 'stock-updated', ...url);
    expect(broadcast.stdout).toMatch(/^broadcast signal stock-updated \(key \S+\)\n$/);
    expect(field((await baton('instances', key, ...url)).stdout, 'state')).toBe('COMPLETED');
  });

  it('keeps a message with --ttl until a receiver comes', async () => {
    const published = await baton('publish-message', 'payment-received', '--correlation-key', 'o-2', '--ttl', 'PT1H', ...url);
    expect(published.stdout).toMatch(/, kept for PT1H for a receiver\n$/);

    const key = await start('waits', 'orderId="o-2"');

    expect((await baton('instances', key, ...url)).stdout).not.toMatch(/\n {2}payment /);
  });

  it('cancels an instance: TERMINATED, nothing left waiting', async () => {
    const key = await start('waits', 'orderId="o-3"');

    const canceled = await baton('cancel', key, ...url);

    expect(canceled).toEqual({ code: 0, stdout: `canceled instance ${key}\n`, stderr: '' });
    const after = await baton('instances', key, ...url);
    expect(field(after.stdout, 'state')).toBe('TERMINATED');
    expect(after.stdout).toContain('waiting\n  (nothing)\n');
  });
});

describe('incidents, resolve-incident', () => {
  it('lists an instance stuck on an incident, shows it in the instance, and resolves it', async () => {
    // given an instance whose gateway finds no condition true (no "amount")
    const key = await start('routing');

    // when
    const listed = await baton('incidents', '--instance', key, ...url);

    // then
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^KEY +INSTANCE +PROCESS +ELEMENT +TYPE +MESSAGE$/);
    const row = listed.stdout.split('\n')[1]?.split(/ {2,}/) ?? [];
    expect(row.slice(1, 4)).toEqual([key, 'routing', 'route']);
    const incidentKey = row[0] ?? '';
    const instance = await baton('instances', key, ...url);
    expect(field(instance.stdout, 'state')).toBe('ACTIVE (with incident)');
    expect(instance.stdout).toContain(`  ${incidentKey}  route`);

    const json = JSON.parse((await baton('incidents', '--instance', key, '--json', ...url)).stdout) as unknown;
    expect(json).toMatchObject({ items: [{ incidentKey, processInstanceKey: key, elementId: 'route', state: 'ACTIVE' }] });

    // when it is resolved, it is no longer active (the gateway runs again and, still without "amount", raises a new one)
    const resolved = await baton('resolve-incident', incidentKey, ...url);
    expect(resolved).toEqual({ code: 0, stdout: `resolved incident ${incidentKey}\n`, stderr: '' });
    expect((await baton('incidents', '--instance', key, ...url)).stdout).not.toContain(`${incidentKey} `);
    expect((await baton('resolve-incident', incidentKey, ...url)).stderr).toMatch(/^baton resolve-incident: NOT_FOUND: /);
  });

  it('says so when there is none', async () => {
    const key = await start('approval');
    expect(await baton('incidents', '--instance', key, ...url)).toEqual({ code: 0, stdout: 'no active incidents\n', stderr: '' });
  });
});
