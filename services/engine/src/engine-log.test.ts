import { Writable } from 'node:stream';
import { BatonError } from '@baton/errors';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { engineErrorLog } from './engine-log.js';

/** A pino logger at debug whose lines land in `lines`. */
function capture(): { readonly lines: { level: number; msg: string; code?: string; reason?: string }[]; readonly onError: ReturnType<typeof engineErrorLog> } {
  const lines: { level: number; msg: string; code?: string; reason?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  return { lines, onError: engineErrorLog(pino({ level: 'debug' }, sink)) };
}

describe('engineErrorLog (issue 12, finding 12)', () => {
  it.each([
    ['INSTANCE_NOT_ACTIVE', "Instance 'i1' has already completed; 'CompleteJob' no longer applies."],
    ['STALE_COMMAND', 'Expected an open job "i1.3" but it was completed.'],
    ['JOB_NOT_OPEN', 'Expected an open job "i1.3" but found none.'],
  ] as const)('logs a completion refused with %s at info, with its code and reason', (code, message) => {
    const { lines, onError } = capture();
    onError(new BatonError(code, message), { jobKey: 'i1.3', during: 'worker' });
    expect(lines).toMatchObject([{ level: 30, code, reason: message, jobKey: 'i1.3' }]);
    expect(lines[0]?.msg).toMatch(/refused as expected/);
  });

  it('logs a move BullMQ refused because the lease was lost at info', () => {
    const { lines, onError } = capture();
    onError(new Error('Missing lock for job k-i1.3. moveToDelayed'));
    expect(lines).toMatchObject([{ level: 30, reason: 'Missing lock for job k-i1.3. moveToDelayed' }]);
  });

  it('keeps real errors at error', () => {
    const { lines, onError } = capture();
    onError(new BatonError('EXPRESSION_FAILED', 'bad FEEL'), { instanceId: 'i1' });
    onError(new Error('Connection is closed.'));
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [50, 'engine error'],
      [50, 'engine error'],
    ]);
  });
});
