import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHarness, login, type AuthHarness } from '../auth/__fixtures__/auth-harness.js';

/** Reads the stream until `text` arrives. */
async function readUntil(body: ReadableStream<Uint8Array>, text: string): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  while (!seen.includes(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return seen;
}

describe('GET /v2/events', () => {
  let h: AuthHarness;
  beforeEach(async () => {
    h = await authHarness();
  });
  afterEach(() => h.close());

  it('tells a logged-in browser that something changed, without data, and ends when the node closes', async () => {
    // given
    const { cookie } = await login(h.url, 'mia');
    const res = await fetch(`${h.url}/v2/events`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const body = res.body as ReadableStream<Uint8Array>;
    expect(await readUntil(body, 'retry:')).toContain('retry: 2000');
    // when
    await h.startPay();
    // then
    expect(await readUntil(body, 'event: change')).toContain('event: change\ndata: {}');
  });

  it('refuses a caller without credentials with a 401 problem', async () => {
    const res = await fetch(`${h.url}/v2/events`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
