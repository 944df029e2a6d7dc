import { BatonError } from '@baton/errors';
import type { CommitRequest, ProcessStore, VersionedState } from '@baton/runtime';
import { describe, expect, it } from 'vitest';
import { commitOf, instanceState } from '../contracts/fixtures.js';
import { createRaceController } from './race-controller.js';

/** Just enough of a store for the gate: a versioned map with a compare-and-set commit. */
function versionedStore(): ProcessStore & { readonly label: string } {
  const rows = new Map<string, VersionedState>();
  const store = {
    label: 'fake',
    load: async (instanceId: string) => rows.get(instanceId),
    commit: async (request: CommitRequest) => {
      const current = rows.get(request.instanceId)?.version ?? 0;
      if (current !== request.expectedVersion) throw new BatonError('VERSION_CONFLICT', `at ${current}, not ${request.expectedVersion}`);
      rows.set(request.instanceId, { state: request.state, version: current + 1 });
      return current + 1;
    },
  };
  return store as unknown as ProcessStore & { readonly label: string };
}

/** A shell step: load, then commit one event on the loaded version. */
async function step(store: ProcessStore, instanceId: string, event: string): Promise<number> {
  const loaded = await store.load(instanceId);
  const version = loaded?.version ?? 0;
  return store.commit(commitOf(instanceState(instanceId), version, { events: [{ type: event, instanceId }], commandId: event }));
}

describe('race controller', () => {
  it('holds a matching commit until released, so the other node commits first and the held one conflicts', async () => {
    // given one store seen by two gated nodes, and an instance at version 1
    const race = createRaceController();
    const shared = versionedStore();
    const [a, b] = [race.gate(shared, 'a'), race.gate(shared, 'b')];
    await step(a, 'i1', 'Created');
    // when a's step is held before its commit while b's step commits
    const held = await race.holdAtCommit({ node: 'a', instanceId: 'i1' }, () => step(a, 'i1', 'FromA'));
    expect(held.commit).toMatchObject({ node: 'a', request: { expectedVersion: 1 } });
    await expect(step(b, 'i1', 'FromB')).resolves.toBe(2);
    const outcome = await held.release();
    // then a lost the race on the version check, and the log shows both attempts in order
    expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'VERSION_CONFLICT' } });
    expect(race.commits.map((c) => [c.node, c.commandId, c.expectedVersion, c.outcome, c.wasHeld])).toEqual([
      ['a', 'Created', 0, 'committed', false],
      ['b', 'FromB', 1, 'committed', false],
      ['a', 'FromA', 1, 'conflict', true],
    ]);
  });

  it('matches by event type and passes every other method through to the store', async () => {
    const race = createRaceController();
    const shared = versionedStore();
    const a = race.gate(shared, 'a');
    expect((a as unknown as { label: string }).label).toBe('fake');
    const pause = race.pauseNextCommit({ eventType: 'Second' });
    await step(a, 'i1', 'First');
    const second = step(a, 'i1', 'Second');
    expect((await race.waitUntilPaused()).request.events).toEqual([{ type: 'Second', instanceId: 'i1' }]);
    race.release();
    await expect(second).resolves.toBe(2);
    await expect(pause.paused).resolves.toMatchObject({ node: 'a' });
  });

  it('refuses to hold an operation that settles without reaching a matching commit', async () => {
    const race = createRaceController();
    const a = race.gate(versionedStore(), 'a');
    await expect(race.holdAtCommit({ node: 'b' }, () => step(a, 'i1', 'Created'))).rejects.toThrow(/without reaching a commit matching/);
    // the disarmed pause no longer catches later commits
    await expect(step(race.gate(versionedStore(), 'b'), 'i2', 'Created')).resolves.toBe(1);
    expect(() => race.release()).toThrow(/No commit is held/);
  });

  it('releases everything still held on releaseAll', async () => {
    const race = createRaceController();
    const a = race.gate(versionedStore(), 'a');
    const held = await race.holdAtCommit({}, () => step(a, 'i1', 'Created'));
    race.releaseAll();
    await expect(held.release()).resolves.toEqual({ status: 'fulfilled', value: 1 });
    await expect(race.waitUntilPaused()).rejects.toThrow(/No pause is armed/);
  });
});
