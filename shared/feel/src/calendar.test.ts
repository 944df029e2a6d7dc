import { describe, expect, it } from 'vitest';
import { addMonthsUtc, civilFromDays, daysFromCivil, formatUtc, utcFields, utcMs } from './calendar.js';
import { addIsoDuration, parseIsoDuration } from './iso-duration.js';
import { parseIsoDateTime } from './iso-date.js';

const at = (iso: string): number => Date.parse(iso);

describe('calendar', () => {
  it('agrees with Date.UTC on day numbers across four centuries', () => {
    // given every 97th day from 1600 to 2400 (crossing leap rules of 1700, 1900, 2000, 2100)
    for (let days = -135_000; days < 158_000; days += 97) {
      // when converted to a civil date and back
      const civil = civilFromDays(days);
      // then it matches the platform calendar and round-trips
      const d = new Date(days * 86_400_000);
      expect([civil.year, civil.month, civil.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(days);
    }
  });

  it('splits an instant into fields with the weekday', () => {
    expect(utcFields(at('2026-03-05T07:08:09.010Z'))).toEqual({ year: 2026, month: 3, day: 5, hour: 7, minute: 8, second: 9, millisecond: 10, weekday: 4 });
    expect(utcFields(at('1969-12-31T23:59:59.999Z'))).toMatchObject({ year: 1969, month: 12, day: 31, weekday: 3, millisecond: 999 });
  });

  it('rolls months past December into the next year', () => {
    expect(utcMs(2026, 13, 1)).toBe(at('2027-01-01T00:00:00Z'));
  });

  it.each([
    ['2026-01-31T10:00:00Z', 1, '2026-02-28T10:00:00Z'],
    ['2028-01-31T10:00:00Z', 1, '2028-02-29T10:00:00Z'],
    ['2026-03-31T00:00:00Z', 1, '2026-04-30T00:00:00Z'],
    ['2026-03-31T00:00:00Z', -1, '2026-02-28T00:00:00Z'],
    ['2028-02-29T12:00:00Z', 12, '2029-02-28T12:00:00Z'],
    ['2026-11-15T00:00:00Z', 3, '2027-02-15T00:00:00Z'],
  ])('%s plus %i month(s) is %s (month-end clamps)', (from, months, expected) => {
    expect(formatUtc(addMonthsUtc(at(from), months))).toBe(expected);
  });

  it('formats milliseconds only when present', () => {
    expect(formatUtc(at('2026-01-02T03:04:05.006Z'))).toBe('2026-01-02T03:04:05.006Z');
    expect(formatUtc(0)).toBe('1970-01-01T00:00:00Z');
  });
});

describe('ISO 8601 durations', () => {
  it.each([
    ['PT5M', '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z'],
    ['PT1.5S', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01.500Z'],
    ['PT0,25S', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.250Z'],
    ['P1DT2H', '2026-01-01T00:00:00Z', '2026-01-02T02:00:00Z'],
    ['P2W', '2026-01-01T00:00:00Z', '2026-01-15T00:00:00Z'],
    ['P1M', '2026-01-31T09:00:00Z', '2026-02-28T09:00:00Z'],
    ['P1M1D', '2026-01-31T09:00:00Z', '2026-03-01T09:00:00Z'],
    ['P1Y', '2028-02-29T00:00:00Z', '2029-02-28T00:00:00Z'],
    ['P1Y2M3DT4H5M6S', '2026-01-01T00:00:00Z', '2027-03-04T04:05:06Z'],
    ['PT36H', '2026-03-28T12:00:00Z', '2026-03-30T00:00:00Z'],
    ['pt10m', '2026-01-01T00:00:00Z', '2026-01-01T00:10:00Z'],
    ['PT0S', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
  ])('%s from %s is %s', (text, from, expected) => {
    const parsed = parseIsoDuration(text);
    expect(parsed.ok && formatUtc(addIsoDuration(at(from), parsed.duration))).toBe(expected);
  });

  it.each([
    ['P1X', 'is not ISO 8601'],
    ['P', 'is not ISO 8601'],
    ['PT', 'is not ISO 8601'],
    ['P1DT', 'is not ISO 8601'],
    ['5M', 'is not ISO 8601'],
    ['PT1.5M', 'is not ISO 8601'],
    ['P1H', 'is not ISO 8601'],
    ['-PT5M', 'is negative'],
    ['', 'is not ISO 8601'],
    ['P99999999999999999D', 'is too large'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseIsoDuration(text)).toEqual({ ok: false, reason });
  });
});

describe('ISO 8601 dates', () => {
  it.each([
    ['2026-01-31T10:00:00Z', '2026-01-31T10:00:00Z'],
    ['2026-01-31T10:00:00.250Z', '2026-01-31T10:00:00.250Z'],
    ['2026-01-31T10:00:00+02:00', '2026-01-31T08:00:00Z'],
    ['2026-01-31T10:00:00-0530', '2026-01-31T15:30:00Z'],
    ['2026-01-31T10:00:00+02', '2026-01-31T08:00:00Z'],
    ['2026-01-31T10:00:00', '2026-01-31T10:00:00Z'],
    ['2026-01-31T10:00', '2026-01-31T10:00:00Z'],
    ['2026-01-31', '2026-01-31T00:00:00Z'],
    ['2026-01-31T10:00:00[Europe/Berlin]', '2026-01-31T09:00:00Z'],
    ['2026-07-31T10:00:00@Europe/Berlin', '2026-07-31T08:00:00Z'],
    ['2026-07-31T10:00:00+02:00[Europe/Berlin]', '2026-07-31T08:00:00Z'],
  ])('%s is %s', (text, expected) => {
    const parsed = parseIsoDateTime(text);
    expect(parsed.ok && formatUtc(parsed.epochMs)).toBe(expected);
  });

  it.each([
    ['2026-02-30T00:00:00Z', 'is not a valid calendar date-time'],
    ['2026-13-01', 'is not a valid calendar date-time'],
    ['2026-01-01T24:00:00Z', 'is not a valid calendar date-time'],
    ['tomorrow', 'is not an ISO 8601 date-time'],
    ['2026/01/01', 'is not an ISO 8601 date-time'],
    ['2026-01-01T10:00:00[Mars/Olympus]', 'has an unknown time zone "Mars/Olympus"'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseIsoDateTime(text)).toEqual({ ok: false, reason });
  });
});
