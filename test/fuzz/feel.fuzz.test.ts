import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBatonError, isErrorCode } from '@baton/errors';
import { checkExpression, checkTimer, evaluateCondition, evaluateExpression, nextCycleDue, parseDurationMs, timerDue } from '@baton/feel';
import { expressionText, feelText } from '@baton/testkit';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-runs.js';

const now = 1_767_225_600_000;

/** Runs `evaluate`; a throw passes only as a BatonError with a registered, specific code. */
function settled<T>(what: string, evaluate: () => T): T | undefined {
  try {
    return evaluate();
  } catch (err) {
    expect(isBatonError(err) && isErrorCode(err.code) && err.code !== 'INTERNAL', `${what} threw ${String(err)}`).toBe(true);
    return undefined;
  }
}

/** An outcome is a value or a message a user can act on. */
function expectOutcome(what: string, result: { ok: true; value: unknown } | { ok: false; message: string } | undefined): void {
  if (result === undefined) return;
  if (result.ok) expect(() => JSON.stringify(result.value), what).not.toThrow();
  else expect(result.message.trim(), what).not.toBe('');
}

const variables = fc.record({
  x: fc.oneof(fc.integer({ min: -100, max: 100 }), fc.constant(null), fc.string({ maxLength: 4 })),
  y: fc.string({ maxLength: 8 }),
  items: fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 5 }),
  a: fc.record({ b: fc.jsonValue({ maxDepth: 2 }) }),
  order: fc.jsonValue({ maxDepth: 3 }),
});

describe('fuzz: FEEL and JUEL expressions (issue 12b)', () => {
  it('compile and evaluate to a value or a message, never a throw, the same way twice', () => {
    fc.assert(
      fc.property(expressionText(), variables, (text, vars) => {
        expectOutcome(`check ${text}`, settled(`check ${text}`, () => {
          const message = checkExpression(text);
          return message === undefined ? { ok: true as const, value: null } : { ok: false as const, message };
        }));
        const first = settled(`evaluate ${text}`, () => evaluateExpression(text, vars, { now }));
        expectOutcome(`evaluate ${text}`, first);
        expect(settled(`evaluate ${text} again`, () => evaluateExpression(text, vars, { now }))).toEqual(first);
        const condition = settled(`condition ${text}`, () => evaluateCondition(text, vars, { now }));
        expectOutcome(`condition ${text}`, condition);
        if (condition?.ok === true) expect(typeof condition.value).toBe('boolean');
      }),
      fuzzParameters(200),
    );
  }, fuzzTimeoutMs);

  it('timers read any text to a due time or a message, never a throw', () => {
    const timerText = fc.oneof(
      fc.string({ maxLength: 24 }),
      feelText(1).map((e) => `=${e}`),
      fc.tuple(fc.constantFrom('R', 'R2/', 'R-1/', 'R99999999999/', ''), fc.constantFrom('PT1M', 'P1Y2M3DT4H5M6.5S', 'PT0S', 'P', 'PT-1M', 'P1W', 'PT99999999999999H', '2024-02-30T00:00:00Z', '0 0 * * * ?', '* * * * * * *')).map(([r, d]) => `${r}${d}`),
    );
    fc.assert(
      fc.property(timerText, fc.constantFrom('timeDuration', 'timeDate', 'timeCycle'), (text, kind) => {
        const definition = { [kind]: text };
        settled(`checkTimer ${text}`, () => checkTimer(definition));
        const due = settled(`timerDue ${kind} ${text}`, () => timerDue(definition, { x: 1 }, now));
        expectOutcome(`timerDue ${kind} ${text}`, due);
        if (due?.ok === true) expect(Number.isFinite(due.value.dueAt), `dueAt of ${kind} ${text}`).toBe(true);
        expectOutcome(`parseDurationMs ${text}`, settled(`parseDurationMs ${text}`, () => parseDurationMs(text, now)));
        if (kind === 'timeCycle') expectOutcome(`nextCycleDue ${text}`, settled(`nextCycleDue ${text}`, () => nextCycleDue(text, {}, now, 2)));
      }),
      fuzzParameters(200),
    );
  }, fuzzTimeoutMs);
});
