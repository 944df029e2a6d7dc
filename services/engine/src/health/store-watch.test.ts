import { BatonError } from '@baton/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { capturedLogger, flushed } from '../__fixtures__/captured-logger.js';
import { watchBus } from './bus-watch.js';
import { createReadiness, flagCheck } from './readiness.js';
import { watchStore, type StoreProbeResult, type StoreWatch } from './store-watch.js';

describe('watchStore (issue 12, findings 9 and 10)', () => {
  let watch: StoreWatch | undefined;
  afterEach(() => watch?.stop());

  it('reports DOWN with the reason while the store does not answer, warning once, and UP again once it does', async () => {
    // given: a store that fails two probes, then answers
    const outcomes: (StoreProbeResult | Error)[] = [new BatonError('STORE_UNAVAILABLE', 'Redis did not answer GET baton:epoch within 1000 ms'), new BatonError('STORE_UNAVAILABLE', 'still not'), { epoch: 'e1' }];
    const { logger, lines } = capturedLogger();
    watch = watchStore({ store: { probe: async () => { const next = outcomes.shift(); if (next instanceof Error) throw next; return next ?? { epoch: 'e1' }; } }, logger, onDataLost: async () => undefined, cacheMs: 0, intervalMs: 60_000 });
    // when / then
    expect(await watch.check.check()).toBe('Redis did not answer GET baton:epoch within 1000 ms');
    expect(await watch.check.check()).toBe('still not');
    expect(await watch.check.check()).toBeUndefined();
    await flushed();
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'the store does not answer: readiness reports DOWN until it does'],
      [30, 'the store answers again'],
    ]);
  });

  it('asks the store at most once per cache period', async () => {
    // given
    let probes = 0;
    watch = watchStore({ store: { probe: async () => ({ epoch: String(++probes) }) }, logger: capturedLogger().logger, onDataLost: async () => undefined, cacheMs: 60_000, intervalMs: 60_000 });
    // when
    await Promise.all([watch.check.check(), watch.check.check(), watch.check.check()]);
    // then
    expect(probes).toBe(1);
  });

  it('logs a lost store at error, counts it and re-applies --deploy', async () => {
    // given: a probe that finds the epoch gone
    const { logger, lines } = capturedLogger();
    let redeployed = 0;
    watch = watchStore({ store: { probe: async () => ({ epoch: 'e2', lostEpoch: { was: 'e1', found: 'missing' } }) }, logger, onDataLost: async () => void (redeployed += 1), cacheMs: 0, intervalMs: 60_000 });
    // when
    expect(await watch.check.check()).toBeUndefined();
    await flushed();
    // then
    expect(watch.dataLosses()).toBe(1);
    expect(redeployed).toBe(1);
    expect(lines.filter((l) => l.level === 50).map((l) => l.msg)).toEqual([expect.stringMatching(/^the store lost its data \(epoch e1 → missing\)/)]);
  });
});

describe('readiness checks', () => {
  it('is ready only when every check is UP, and names each DOWN one with its reason', async () => {
    // given
    let isStoreUp = false;
    const readiness = createReadiness([flagCheck('node', () => true, 'starting'), flagCheck('store', () => isStoreUp, 'no answer')]);
    readiness.add({ name: 'clock', check: async () => { throw new Error('skew unknown'); } });
    // when / then
    expect(await readiness.report()).toEqual({
      isReady: false,
      checks: { node: { status: 'UP' }, store: { status: 'DOWN', reason: 'no answer' }, clock: { status: 'DOWN', reason: 'skew unknown' } },
    });
    isStoreUp = true;
    expect((await readiness.report()).checks['store']).toEqual({ status: 'UP' });
    expect(() => readiness.add(flagCheck('store', () => true, ''))).toThrow(/"store" is registered already/);
  });

  it('bus: DOWN and a warning when NATS goes, UP and an info line when it is back (a 10 s outage logged nothing)', async () => {
    // given
    const { logger, lines } = capturedLogger();
    const bus = watchBus(logger);
    // when: the connection drops and nats.js retries
    bus.onChange('disconnected');
    bus.onChange('reconnecting');
    // then
    expect(await bus.check.check()).toMatch(/^not connected to the bus since /);
    // when: it is back
    bus.onChange('reconnected');
    // then
    expect(await bus.check.check()).toBeUndefined();
    await flushed();
    expect(lines.map((l) => l.level)).toEqual([40, 30]);
    expect(lines[0]?.msg).toMatch(/lost the connection to the bus/);
  });
});
