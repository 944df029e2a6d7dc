import { describe, expect, it } from 'vitest';
import { formatUtc } from './calendar.js';
import { checkTimer, nextCycleDue, parseDurationMs, timerDue } from './index.js';
import type { TimerDefinition } from './index.js';

const at = (iso: string): number => Date.parse(iso);
const NOW = at('2026-01-31T10:00:00Z');

function due(def: TimerDefinition, variables: Record<string, unknown> = {}, now = NOW): { dueAt: string; repetitionsLeft?: number } | string {
  const result = timerDue(def, variables, now);
  if (!result.ok) return result.message;
  const { dueAt, repetitionsLeft } = result.value;
  return repetitionsLeft === undefined ? { dueAt: formatUtc(dueAt) } : { dueAt: formatUtc(dueAt), repetitionsLeft };
}

describe('timerDue', () => {
  it.each<[string, TimerDefinition, Record<string, unknown>, string]>([
    ['a literal duration', { timeDuration: 'PT5M' }, {}, '2026-01-31T10:05:00Z'],
    ['a month from Jan 31', { timeDuration: 'P1M' }, {}, '2026-02-28T10:00:00Z'],
    ['a FEEL duration', { timeDuration: '=duration("PT1H")' }, {}, '2026-01-31T11:00:00Z'],
    ['a FEEL string', { timeDuration: '=wait' }, { wait: 'P1D' }, '2026-02-01T10:00:00Z'],
    ['a JUEL duration', { timeDuration: '${wait}' }, { wait: 'PT30S' }, '2026-01-31T10:00:30Z'],
    ['a literal date', { timeDate: '2026-03-01T09:00:00Z' }, {}, '2026-03-01T09:00:00Z'],
    ['a date with offset', { timeDate: '2026-03-01T09:00:00+01:00' }, {}, '2026-03-01T08:00:00Z'],
    ['a date without zone (UTC)', { timeDate: '2026-03-01T09:00:00' }, {}, '2026-03-01T09:00:00Z'],
    ['a date in a named zone', { timeDate: '2026-03-01T09:00:00[Europe/Berlin]' }, {}, '2026-03-01T08:00:00Z'],
    ['a FEEL date-time', { timeDate: '=date and time("2026-03-01T09:00:00@Europe/Berlin")' }, {}, '2026-03-01T08:00:00Z'],
    ['a FEEL date-time in UTC', { timeDate: '=date and time(d) + duration("PT1H")' }, { d: '2026-03-01T09:00:00Z' }, '2026-03-01T10:00:00Z'],
    ['a FEEL date', { timeDate: '=date("2026-03-01")' }, {}, '2026-03-01T00:00:00Z'],
    ['a date from now()', { timeDate: '=now() + duration("PT2H")' }, {}, '2026-01-31T12:00:00Z'],
    ['a date from today()', { timeDate: '=today() + duration("P1D")' }, {}, '2026-02-01T00:00:00Z'],
    ['a date from a variable', { timeDate: '=deadline' }, { deadline: '2026-02-01T00:00:00Z' }, '2026-02-01T00:00:00Z'],
  ])('%s', (_label, def, variables, expected) => {
    expect(due(def, variables)).toEqual({ dueAt: expected });
  });

  it.each<[string, string, Record<string, unknown>, { dueAt: string; repetitionsLeft: number }]>([
    ['bounded cycle', 'R5/PT10S', {}, { dueAt: '2026-01-31T10:00:10Z', repetitionsLeft: 4 }],
    ['single repetition', 'R1/PT10S', {}, { dueAt: '2026-01-31T10:00:10Z', repetitionsLeft: 0 }],
    ['unbounded cycle', 'R/PT1M', {}, { dueAt: '2026-01-31T10:01:00Z', repetitionsLeft: -1 }],
    ['cycle with a future start', 'R3/2026-02-01T00:00:00Z/PT1H', {}, { dueAt: '2026-02-01T00:00:00Z', repetitionsLeft: 2 }],
    ['cycle with a past start fires now', 'R3/2026-01-01T00:00:00Z/PT1H', {}, { dueAt: '2026-01-31T10:00:00Z', repetitionsLeft: 2 }],
    ['cron', '0 0 9-17 * * MON-FRI', {}, { dueAt: '2026-02-02T09:00:00Z', repetitionsLeft: -1 }],
    ['cron macro', '@daily', {}, { dueAt: '2026-02-01T00:00:00Z', repetitionsLeft: -1 }],
    ['cycle from an expression', '=cycle', { cycle: 'R2/PT5M' }, { dueAt: '2026-01-31T10:05:00Z', repetitionsLeft: 1 }],
    ['FEEL duration as an unbounded cycle', '=duration("PT2H")', {}, { dueAt: '2026-01-31T12:00:00Z', repetitionsLeft: -1 }],
    ['calendar cycle', 'R/P1M', {}, { dueAt: '2026-02-28T10:00:00Z', repetitionsLeft: -1 }],
  ])('%s %s', (_label, timeCycle, variables, expected) => {
    expect(due({ timeCycle }, variables)).toEqual(expected);
  });

  it.each<[TimerDefinition, Record<string, unknown>, string]>([
    [{ timeDuration: 'P1X' }, {}, 'timer duration "P1X" is not ISO 8601 (example: PT5M)'],
    [{ timeDuration: '-PT5M' }, {}, 'timer duration "-PT5M" is negative (example: PT5M)'],
    [{ timeDuration: '=wait' }, { wait: 5000 }, 'timer duration "=wait" yields the number 5000; a number of milliseconds is not allowed, use an ISO 8601 text such as "PT5M"'],
    [{ timeDuration: '=wait' }, {}, `timer duration "=wait" yields null (Variable 'wait' not found); expected a text such as "PT5M"`],
    [{ timeDuration: '=date("2026-01-01")' }, {}, 'timer duration "=date("2026-01-01")" yields the FEEL date 2026-01-01; expected a text such as "PT5M"'],
    [{ timeDuration: '=wait >' }, {}, 'cannot evaluate "=wait >" in FEEL: Incomplete <Comparison> at character 7'],
    [{ timeDate: 'tomorrow' }, {}, 'timer date "tomorrow" is not an ISO 8601 date-time (example: 2026-01-31T09:00:00Z)'],
    [{ timeDate: '=ts' }, { ts: 1767261600000 }, 'timer date "=ts" yields the number 1767261600000; a number of milliseconds is not allowed, use an ISO 8601 text such as "2026-01-31T09:00:00Z"'],
    [{ timeCycle: 'PT10S' }, {}, 'timer cycle "PT10S" needs a repetition count (example: R5/PT10S or R/PT10S)'],
    [{ timeCycle: 'R0/PT10S' }, {}, 'timer cycle "R0/PT10S" repeats 0 times and would never fire; use R1 for a single firing'],
    [{ timeCycle: 'R5/P1X' }, {}, 'timer cycle "R5/P1X": interval "P1X" is not ISO 8601 (example: PT5M)'],
    [{ timeCycle: 'R5/PT1H/2026-02-01T00:00:00Z' }, {}, 'timer cycle "R5/PT1H/2026-02-01T00:00:00Z" has an end date, which is not supported; use a repetition count (example: R5/PT10S)'],
    [{ timeCycle: 'R3/yesterday/PT1H' }, {}, 'timer cycle "R3/yesterday/PT1H": start "yesterday" is not an ISO 8601 date-time (example: R3/2026-01-01T00:00:00Z/PT1H)'],
    [{ timeCycle: '0 0 * * *' }, {}, 'timer cycle "0 0 * * *" is neither an ISO 8601 repeating interval nor a cron (examples: R5/PT10S, R/PT1M or 0 0 9-17 * * MON-FRI)'],
    [{ timeCycle: '0 0 0 L * *' }, {}, 'timer cycle "0 0 0 L * *" is not a valid cron: "L" is not a valid day-of-month (the Quartz extensions L, W and # are not supported) (example: 0 0 9-17 * * MON-FRI)'],
    [{ timeCycle: '0 0 0 30 2 *' }, {}, 'timer cycle "0 0 0 30 2 *" never fires (no matching date within 30 years)'],
    [{}, {}, 'a timer needs exactly one of timeDuration, timeDate or timeCycle but has none'],
    [{ timeDate: '2026-01-01', timeCycle: 'R/PT1M' }, {}, 'a timer needs exactly one of timeDuration, timeDate or timeCycle but has timeDate and timeCycle'],
  ])('refuses %j', (def, variables, message) => {
    expect(due(def, variables)).toBe(message);
  });
});

describe('nextCycleDue', () => {
  function run(timeCycle: string, variables: Record<string, unknown> = {}): string[] {
    // given the first due time, then each firing at its due time until the cycle is over
    const first = timerDue({ timeCycle }, variables, NOW);
    if (!first.ok) throw new Error(first.message);
    const fired = [formatUtc(first.value.dueAt)];
    let state = { dueAt: first.value.dueAt, repetitionsLeft: first.value.repetitionsLeft ?? 0 };
    for (let i = 0; i < 10; i++) {
      const next = nextCycleDue(timeCycle, variables, state.dueAt, state.repetitionsLeft);
      if (!next.ok) throw new Error(next.message);
      if (next.value === undefined) break;
      state = next.value;
      fired.push(formatUtc(state.dueAt));
    }
    return fired;
  }

  it('fires R3 exactly three times', () => {
    expect(run('R3/PT10S')).toEqual(['2026-01-31T10:00:10Z', '2026-01-31T10:00:20Z', '2026-01-31T10:00:30Z']);
  });

  it('fires R1 once', () => {
    expect(run('R1/PT1H')).toEqual(['2026-01-31T11:00:00Z']);
  });

  it('keeps an unbounded cycle going', () => {
    expect(run('R/PT1M')).toHaveLength(11);
  });

  it('repeats from the start date', () => {
    expect(run('R2/2026-02-01T00:00:00Z/P1D')).toEqual(['2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z']);
  });

  it('steps months from the previous firing, clamped at month end', () => {
    expect(run('R3/P1M')).toEqual(['2026-02-28T10:00:00Z', '2026-03-28T10:00:00Z', '2026-04-28T10:00:00Z']);
  });

  it('follows a cron', () => {
    expect(run('0 0 12 * * MON-FRI').slice(0, 3)).toEqual(['2026-02-02T12:00:00Z', '2026-02-03T12:00:00Z', '2026-02-04T12:00:00Z']);
  });

  it('is over when no repetition is left', () => {
    expect(nextCycleDue('R5/PT10S', {}, NOW, 0)).toEqual({ ok: true, value: undefined });
  });

  it('counts down a bounded cycle and keeps -1 for an unbounded one', () => {
    expect(nextCycleDue('R5/PT10S', {}, NOW, 3)).toEqual({ ok: true, value: { dueAt: NOW + 10_000, repetitionsLeft: 2 } });
    expect(nextCycleDue('R/PT10S', {}, NOW, -1)).toEqual({ ok: true, value: { dueAt: NOW + 10_000, repetitionsLeft: -1 } });
  });

  it('refuses a meaningless repetition count', () => {
    expect(nextCycleDue('R5/PT10S', {}, NOW, -2)).toEqual({ ok: false, message: 'repetitionsLeft must be -1 (unbounded) or a count of 0 or more, got -2' });
  });
});

describe('parseDurationMs', () => {
  it.each<[string, number | undefined, number]>([
    ['PT5M', undefined, 300_000],
    ['P1DT1S', undefined, 86_401_000],
    ['PT0.5S', undefined, 500],
    ['P1M', at('2026-02-01T00:00:00Z'), 28 * 86_400_000],
    ['P1M', at('2026-01-31T00:00:00Z'), 28 * 86_400_000],
    ['P1Y', at('2028-01-01T00:00:00Z'), 366 * 86_400_000],
  ])('%s from %s is %i ms', (text, from, expected) => {
    expect(parseDurationMs(text, from)).toEqual({ ok: true, value: expected });
  });

  it('asks for a start when the length depends on it', () => {
    expect(parseDurationMs('P1M')).toEqual({ ok: false, message: 'duration "P1M" has years or months, whose length depends on the start; pass "from" or use days (example: P30D)' });
  });

  it('says what a valid duration looks like', () => {
    expect(parseDurationMs('5 minutes')).toEqual({ ok: false, message: 'duration "5 minutes" is not ISO 8601 (example: PT5M)' });
  });
});

describe('checkTimer', () => {
  it.each<TimerDefinition>([{ timeDuration: 'PT5M' }, { timeDate: '2026-01-01T00:00:00Z' }, { timeCycle: 'R/PT1M' }, { timeCycle: '0 0 9 * * *' }, { timeDuration: '=wait' }])('accepts %j', (def) => {
    expect(checkTimer(def)).toBeUndefined();
  });

  it.each<[TimerDefinition, string]>([
    [{ timeDuration: 'P1X' }, 'timer duration "P1X" is not ISO 8601 (example: PT5M)'],
    [{ timeDuration: '=wait >' }, 'cannot evaluate "=wait >" in FEEL: Incomplete <Comparison> at character 7'],
    [{ timeCycle: 'R0/PT1S' }, 'timer cycle "R0/PT1S" repeats 0 times and would never fire; use R1 for a single firing'],
    [{}, 'a timer needs exactly one of timeDuration, timeDate or timeCycle but has none'],
  ])('refuses %j', (def, message) => {
    expect(checkTimer(def)).toBe(message);
  });
});
