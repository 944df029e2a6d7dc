import { describe, expect, it } from 'vitest';
import { formatUtc } from './calendar.js';
import { nextCronAfter, parseCron } from './cron.js';

const at = (iso: string): number => Date.parse(iso);

function nextTimes(text: string, from: string, count: number): string[] {
  const parsed = parseCron(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  const times: string[] = [];
  let t = at(from);
  for (let i = 0; i < count; i++) {
    const next = nextCronAfter(parsed.cron, t);
    if (next === undefined) break;
    times.push(formatUtc(next));
    t = next;
  }
  return times;
}

describe('cron (Spring style, UTC)', () => {
  it.each<[string, string, string[]]>([
    ['0 0 9-17 * * MON-FRI', '2026-01-02T16:30:00Z', ['2026-01-02T17:00:00Z', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z']],
    ['*/10 * * * * *', '2026-01-01T00:00:05Z', ['2026-01-01T00:00:10Z', '2026-01-01T00:00:20Z']],
    ['0 0/30 8-10 * * *', '2026-01-01T10:15:00Z', ['2026-01-01T10:30:00Z', '2026-01-02T08:00:00Z']],
    ['0 0 0 25 12 ?', '2026-06-01T00:00:00Z', ['2026-12-25T00:00:00Z', '2027-12-25T00:00:00Z']],
    ['0 15 10 ? * 6', '2026-01-01T00:00:00Z', ['2026-01-03T10:15:00Z', '2026-01-10T10:15:00Z']],
    ['0 0 12 * * SUN', '2026-01-01T00:00:00Z', ['2026-01-04T12:00:00Z']],
    ['0 0 12 * * 7', '2026-01-01T00:00:00Z', ['2026-01-04T12:00:00Z']],
    ['0 0 12 * * 0', '2026-01-01T00:00:00Z', ['2026-01-04T12:00:00Z']],
    ['0 0 0 13 * FRI', '2026-01-01T00:00:00Z', ['2026-02-13T00:00:00Z', '2026-03-13T00:00:00Z', '2026-11-13T00:00:00Z']],
    ['0 0 0 31 * *', '2026-01-31T00:00:00Z', ['2026-03-31T00:00:00Z', '2026-05-31T00:00:00Z']],
    ['0 0 0 29 2 *', '2026-01-01T00:00:00Z', ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z']],
    ['0 30 23 28-31 * *', '2026-02-27T00:00:00Z', ['2026-02-28T23:30:00Z', '2026-03-28T23:30:00Z']],
    ['0 0 6 1,15 jan,jul *', '2026-01-10T00:00:00Z', ['2026-01-15T06:00:00Z', '2026-07-01T06:00:00Z']],
    ['5-10/5 0 0 1 1 *', '2026-01-01T00:00:00Z', ['2026-01-01T00:00:05Z', '2026-01-01T00:00:10Z', '2027-01-01T00:00:05Z']],
    ['@daily', '2026-01-01T12:00:00Z', ['2026-01-02T00:00:00Z']],
    ['@hourly', '2026-01-01T12:00:00Z', ['2026-01-01T13:00:00Z']],
    ['@weekly', '2026-01-01T12:00:00Z', ['2026-01-04T00:00:00Z']],
    ['@monthly', '2026-01-31T12:00:00Z', ['2026-02-01T00:00:00Z']],
    ['@yearly', '2026-01-31T12:00:00Z', ['2027-01-01T00:00:00Z']],
    ['0 0 0 1 1 *', '2026-12-31T23:59:59.999Z', ['2027-01-01T00:00:00Z']],
  ])('%s after %s', (text, from, expected) => {
    expect(nextTimes(text, from, expected.length)).toEqual(expected);
  });

  it('fires strictly after the given instant, on whole seconds', () => {
    expect(nextTimes('* * * * * *', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-01-01T00:00:01Z']);
    expect(nextTimes('* * * * * *', '2026-01-01T00:00:00.400Z', 1)).toEqual(['2026-01-01T00:00:01Z']);
  });

  it('has no next time for a date that never exists', () => {
    const parsed = parseCron('0 0 0 30 2 *');
    expect(parsed.ok && nextCronAfter(parsed.cron, at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it.each([
    ['0 0 * * *', 'has 5 fields; a cron needs 6 (second minute hour day-of-month month day-of-week)'],
    ['0 0 0 L * *', '"L" is not a valid day-of-month (the Quartz extensions L, W and # are not supported)'],
    ['0 0 0 ? * 5#3', '"5#3" is not a valid day-of-week (the Quartz extensions L, W and # are not supported)'],
    ['0 0 0 15W * *', '"15W" is not a valid day-of-month (the Quartz extensions L, W and # are not supported)'],
    ['60 0 0 * * *', 'second 60 is outside 0-59'],
    ['0 0 24 * * *', 'hour 24 is outside 0-23'],
    ['0 0 0 0 * *', 'day-of-month 0 is outside 1-31'],
    ['0 0 0 * 13 *', 'month 13 is outside 1-12'],
    ['0 0 0 * FOO *', '"FOO" is not a valid month'],
    ['0 0 0 * * FRI-MON', 'day-of-week range "FRI-MON" runs backwards'],
    ['0 */0 * * * *', 'minute step 0 is outside 1-60'],
    ['0 1/ * * * *', '"1/" has a malformed step'],
    ['? 0 0 * * *', '"?" is only allowed for day-of-month and day-of-week'],
    ['constructor', 'has 1 fields; a cron needs 6 (second minute hour day-of-month month day-of-week)'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseCron(text)).toEqual({ ok: false, reason });
  });
});
