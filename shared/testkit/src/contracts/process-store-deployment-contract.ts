import type { NewDeployment, ProcessStore, StartEventRegistration } from '@baton/runtime';
import { describe, expect, it } from 'vitest';
import { uniqueId } from './fixtures.js';

/** `definitionKey` is the one the deployer minted for a new version: `<processId>@<xml>` here, to tell versions apart. */
function deployment(processId: string, xml: string, startEvents: readonly StartEventRegistration[] = []): NewDeployment {
  return { processId, definitionKey: `${processId}@${xml}`, resourceName: `${processId}.bpmn`, xml, isExecutable: true, startEvents, deployedAt: 1_000 };
}

/** Deployments part of the ProcessStore contract; `store` is the current test's store. */
export function processStoreDeploymentContract(store: () => ProcessStore): void {
  describe('key reservation', () => {
    it('hands out blocks of instance numbers that never overlap, also when reserved at once', async () => {
      const blocks = await Promise.all([store().reserveKeys(1_000), store().reserveKeys(1), store().reserveKeys(500), store().reserveKeys(1_000)]);
      const sizes = [1_000, 1, 500, 1_000];
      const ranges = blocks.map((first, i) => [first, first + (sizes[i] ?? 0)] as const).sort((a, b) => a[0] - b[0]);
      expect(ranges[0]?.[0]).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.[0]).toBeGreaterThanOrEqual(ranges[i - 1]?.[1] ?? Infinity);
      const later = await store().reserveKeys(10);
      expect(later).toBeGreaterThanOrEqual(ranges.at(-1)?.[1] ?? Infinity);
    });
  });

  describe('deployments', () => {
    it('numbers versions per process and returns the existing one for identical XML', async () => {
      const processId = uniqueId('p');
      const first = await store().saveDeployment(deployment(processId, '<a/>'));
      const again = await store().saveDeployment(deployment(processId, '<a/>'));
      const second = await store().saveDeployment(deployment(processId, '<b/>'));
      expect(first).toMatchObject({ isNew: true, record: { version: 1, definitionKey: `${processId}@<a/>` } });
      expect(again).toMatchObject({ isNew: false, record: { version: 1, definitionKey: `${processId}@<a/>` } });
      expect(second).toMatchObject({ isNew: true, record: { version: 2, definitionKey: `${processId}@<b/>` } });
      expect((await store().latestDeployment(processId))?.version).toBe(2);
      expect((await store().getDeployment(`${processId}@<a/>`))?.xml).toBe('<a/>');
      expect(await store().getDeployment(`${processId}@<c/>`)).toBeUndefined();
      const listed = await store().listDeployments({ processId });
      expect(listed.map((d) => d.version)).toEqual([1, 2]);
      expect(listed[0]).not.toHaveProperty('xml');
    });

    it('deploys racing saves of one process as distinct versions', async () => {
      const processId = uniqueId('p');
      const saved = await Promise.all([store().saveDeployment(deployment(processId, '<x/>')), store().saveDeployment(deployment(processId, '<y/>'))]);
      expect(saved.map((s) => s.record.version).sort()).toEqual([1, 2]);
      expect(new Set(saved.map((s) => s.record.definitionKey)).size).toBe(2);
      expect((await store().listDeployments({ processId })).map((d) => d.definitionKey).sort()).toEqual([`${processId}@<x/>`, `${processId}@<y/>`]);
    });

    it('finds message and signal start events of the latest version only', async () => {
      const processId = uniqueId('p');
      const message = uniqueId('order-placed');
      const signal = uniqueId('go');
      await store().saveDeployment(deployment(processId, '<v1/>', [{ kind: 'message', elementId: 'start-v1', messageName: message }]));
      expect(await store().findMessageStartEvents(message)).toEqual([{ processId, definitionKey: `${processId}@<v1/>`, elementId: 'start-v1' }]);
      await store().saveDeployment(deployment(processId, '<v2/>', [{ kind: 'signal', elementId: 'start-v2', signalName: signal }]));
      expect(await store().findMessageStartEvents(message)).toEqual([]);
      expect(await store().findSignalStartEvents(signal)).toEqual([{ processId, definitionKey: `${processId}@<v2/>`, elementId: 'start-v2' }]);
    });

    it('deletes a version: out of the listings, readable by key, its number not reused', async () => {
      const processId = uniqueId('p');
      for (const xml of ['<v1/>', '<v2/>', '<v3/>']) await store().saveDeployment(deployment(processId, xml));
      // a version below the latest: the latest stays
      expect(await store().deleteDeployment(`${processId}@<v2/>`, 2_000)).toEqual({});
      expect((await store().listDeployments({ processId })).map((d) => d.version)).toEqual([1, 3]);
      expect((await store().latestDeployment(processId))?.version).toBe(3);
      expect((await store().getDeployment(`${processId}@<v2/>`))?.xml).toBe('<v2/>');
      // deleted twice, or unknown: nothing to delete
      expect(await store().deleteDeployment(`${processId}@<v2/>`, 2_000)).toBeUndefined();
      expect(await store().deleteDeployment(`${processId}@<v9/>`, 2_000)).toBeUndefined();
      // the latest: the highest version left becomes the latest
      expect((await store().deleteDeployment(`${processId}@<v3/>`, 2_000))?.newLatest).toMatchObject({ definitionKey: `${processId}@<v1/>`, version: 1 });
      expect((await store().latestDeployment(processId))?.definitionKey).toBe(`${processId}@<v1/>`);
      // the next deployment, even of a deleted version's XML, is version 4
      const again = { ...deployment(processId, '<v3/>'), definitionKey: `${processId}@<v3/>#4` };
      expect((await store().saveDeployment(again)).record).toMatchObject({ version: 4 });
      expect((await store().listDeployments({ processId })).map((d) => d.version)).toEqual([1, 4]);
      // none left: the process has no latest, and its next version is still new
      await store().deleteDeployment(again.definitionKey, 3_000);
      expect(await store().deleteDeployment(`${processId}@<v1/>`, 3_000)).toEqual({});
      expect(await store().latestDeployment(processId)).toBeUndefined();
      expect(await store().listDeployments({ processId })).toEqual([]);
      expect((await store().saveDeployment(deployment(processId, '<v5/>'))).record).toMatchObject({ version: 5 });
    });

    it('moves message and signal start events to the new latest when the latest is deleted', async () => {
      const processId = uniqueId('p');
      const message = uniqueId('order-placed');
      const signal = uniqueId('go');
      await store().saveDeployment(deployment(processId, '<v1/>', [{ kind: 'message', elementId: 'start-v1', messageName: message }]));
      await store().saveDeployment(deployment(processId, '<v2/>', [{ kind: 'signal', elementId: 'start-v2', signalName: signal }]));
      await store().deleteDeployment(`${processId}@<v2/>`, 2_000);
      expect(await store().findSignalStartEvents(signal)).toEqual([]);
      expect(await store().findMessageStartEvents(message)).toEqual([{ processId, definitionKey: `${processId}@<v1/>`, elementId: 'start-v1' }]);
      await store().deleteDeployment(`${processId}@<v1/>`, 2_000);
      expect(await store().findMessageStartEvents(message)).toEqual([]);
    });

    it('keeps the latest form of each form id', async () => {
      const formId = uniqueId('form');
      const form = (json: string, deployedAt: number) => ({ formId, formKey: `${formId}@${deployedAt}`, resourceName: `${formId}.form`, json, deployedAt });
      expect(await store().getForm(formId)).toBeUndefined();
      await store().saveForm(form('{"v":1}', 1_000));
      expect(await store().getForm(formId)).toEqual(form('{"v":1}', 1_000));
      await store().saveForm(form('{"v":2}', 2_000));
      expect(await store().getForm(formId)).toEqual(form('{"v":2}', 2_000));
    });
  });
}
