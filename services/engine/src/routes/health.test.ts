import { afterEach, describe, expect, it } from 'vitest';
import { capturedLogger, flushed } from '../__fixtures__/captured-logger.js';
import { harness, inMemoryEngineApi, type Harness } from '../__fixtures__/harness.js';
import { createReadiness, flagCheck } from '../health/readiness.js';

describe('GET /health/ready logging (issue 12: each 503 of a probe was logged at error)', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  it('logs a readiness change at warn once (UP→DOWN with the reasons, DOWN→UP), never a DOWN probe at error', async () => {
    // given: a node whose store check fails until told otherwise
    let isStoreUp = true;
    let isBusUp = true;
    const readiness = createReadiness([flagCheck('store', () => isStoreUp, 'Redis did not answer PING within 1000 ms'), flagCheck('bus', () => isBusUp, 'not connected')]);
    const { logger, lines } = capturedLogger();
    h = await harness(undefined, { readiness, logger });
    const probe = async (): Promise<number> => (await h!.app.inject({ method: 'GET', url: '/health/ready' })).statusCode;

    // when: probed while UP, three times while the store is DOWN, then the bus goes too, then both are back
    const statuses = [await probe()];
    isStoreUp = false;
    for (let i = 0; i < 3; i++) statuses.push(await probe());
    isBusUp = false;
    statuses.push(await probe());
    isStoreUp = true;
    isBusUp = true;
    statuses.push(await probe(), await probe());
    await flushed();

    // then: the probes answered as before
    expect(statuses).toEqual([200, 503, 503, 503, 503, 200, 200]);
    // and: one warn line per change, naming the checks DOWN and why; nothing at error
    expect(lines.filter((l) => l.level >= 40).map((l) => [l.level, l.msg])).toEqual([
      [40, 'not ready: store (Redis did not answer PING within 1000 ms)'],
      [40, 'not ready: store (Redis did not answer PING within 1000 ms); bus (not connected)'],
      [40, 'ready again: every readiness check is UP'],
    ]);
    expect(lines.find((l) => l.msg.startsWith('not ready'))?.checks).toEqual({ store: { status: 'DOWN', reason: 'Redis did not answer PING within 1000 ms' } });
  });

  it('still answers a DOWN probe with the 503 problem naming each check', async () => {
    // given
    const readiness = createReadiness([flagCheck('store', () => false, 'no answer')]);
    h = await harness(undefined, { readiness, logger: capturedLogger().logger });
    // when
    const res = await h.app.inject({ method: 'GET', url: '/health/ready' });
    // then
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'STORE_UNAVAILABLE', instance: '/health/ready', details: { nodeId: 'test-node', checks: { store: { status: 'DOWN', reason: 'no answer' } } } });
  });

  it('keeps logging a real 5xx at error', async () => {
    // given: an engine whose reads fail unexpectedly
    const engine = { ...(await inMemoryEngineApi()), getInstance: () => Promise.reject(new Error('socket hang up')) };
    const { logger, lines } = capturedLogger();
    h = await harness(engine, { logger });
    // when
    const res = await h.app.inject({ method: 'GET', url: '/v2/process-instances/1' });
    await flushed();
    // then
    expect(res.statusCode).toBe(500);
    expect(lines.filter((l) => l.level === 50).map((l) => l.msg)).toEqual(['request failed']);
  });

  it('logs one info line per answered request, none for a probe', async () => {
    // given
    const { logger, lines } = capturedLogger();
    h = await harness(undefined, { logger });
    // when: an API call and a liveness probe
    await h.app.inject({ method: 'POST', url: '/v2/process-instances/search', payload: {} });
    await h.app.inject({ method: 'GET', url: '/health/live' });
    await flushed();
    // then: one line, for the API call, with what an operator looks for
    const requests = lines.filter((l) => l.level === 30 && typeof l['url'] === 'string');
    expect(requests).toEqual([expect.objectContaining({ msg: 'request', method: 'POST', url: '/v2/process-instances/search', statusCode: 200, responseTimeMs: expect.any(Number) })]);
  });
});
