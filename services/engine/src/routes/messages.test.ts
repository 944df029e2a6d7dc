import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../__fixtures__/harness.js';

describe('message and signal routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('publishes a message with a time to live', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v2/messages/publication', payload: { name: 'paid', correlationKey: 'o-1', timeToLive: 60_000, variables: { x: 1 } } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ messageKey: expect.any(String) });
  });

  it('answers 404 when a correlation finds no receiver', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/v2/messages/correlation', payload: { name: 'paid', correlationKey: 'o-1' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('answers 400 naming the field for a message without a name or a bad timeToLive', async () => {
    for (const url of ['/v2/messages/correlation', '/v2/messages/publication']) {
      const res = await h.app.inject({ method: 'POST', url, payload: { correlationKey: 'o-1' } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'name' } });
    }
    const ttl = await h.app.inject({ method: 'POST', url: '/v2/messages/publication', payload: { name: 'paid', timeToLive: -5 } });
    expect(ttl.statusCode).toBe(400);
    expect(ttl.json().details.field).toBe('timeToLive');
  });

  it('broadcasts a signal, and refuses one without a name', async () => {
    const ok = await h.app.inject({ method: 'POST', url: '/v2/signals/broadcast', payload: { signalName: 'stop', variables: {} } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ signalKey: expect.any(String) });
    const bad = await h.app.inject({ method: 'POST', url: '/v2/signals/broadcast', payload: { variables: {} } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('signalName');
  });
});
