import { readdirSync } from 'node:fs';
import { registeredEventVersions, replay } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { families, goldenFolder, readGolden, recordMissingFamilies } from './record-golden-histories.js';

/**
 * History written by an earlier Baton must replay in this one (issue 16, "Version
 * the events"): each golden file holds histories recorded by the Baton named in it
 * and the states they had; replaying them today must give the same states.
 */
describe('golden histories', () => {
  // BATON_RECORD_GOLDEN=1 writes the files of families that have none (see README.md); it never rewrites one.
  it.runIf(process.env['BATON_RECORD_GOLDEN'] === '1')('records the families that have no file yet', async () => {
    const written = await recordMissingFamilies();
    expect(written.every((family) => family in families)).toBe(true);
  }, 120_000);

  const files = readdirSync(goldenFolder).filter((name) => name.endsWith('.history.json'));

  it('has a file for every element family', () => {
    expect(files.map((name) => name.replace('.history.json', '')).sort()).toEqual(Object.keys(families).sort());
  });

  for (const file of files) {
    const golden = readGolden(file.replace('.history.json', ''));
    it(`${golden.family}: every recorded instance replays to its recorded state (${golden.recordedWith})`, () => {
      expect(golden.instances.length).toBeGreaterThan(0);
      for (const instance of golden.instances) {
        const rebuilt = replay(undefined, instance.events);
        expect(JSON.parse(JSON.stringify(rebuilt)), `${golden.family} ${instance.processId} ${instance.instanceId}`).toEqual(instance.state);
      }
    });
  }

  it('covers every event type and version this Baton registers', () => {
    const recorded = new Set<string>();
    for (const file of files) {
      for (const instance of readGolden(file.replace('.history.json', '')).instances) {
        for (const event of instance.events) recorded.add(`${event.type} v${event.v ?? 1}`);
      }
    }
    const missing = registeredEventVersions()
      .map(({ type, version }) => `${type} v${version}`)
      .filter((name) => !recorded.has(name));
    expect(missing, 'record a golden history holding these events (test/unit/golden-histories/README.md)').toEqual([]);
  });
});
