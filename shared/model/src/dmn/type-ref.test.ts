import { describe, expect, it } from 'vitest';
import { parseDmn } from './parse-dmn.js';
import { evaluateDecision } from './evaluate-decision.js';
import { asTypeRef } from './type-ref.js';

describe('typeRef of DMN inputs and outputs', () => {
  it.each([
    ['number', '42', 42],
    ['integer', 7, 7],
    ['double', '2.5', 2.5],
    ['boolean', 'true', true],
    ['string', 5, '5'],
    ['string', null, null],
    ['date', '2026-01-01', '2026-01-01'],
    [undefined, { a: 1 }, { a: 1 }],
  ] as const)('%s takes %j as %j', (typeRef, value, expected) => {
    expect(asTypeRef(typeRef, value as never)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['number', 'abc', 'a number'],
    ['integer', 2.5, 'a whole number'],
    ['boolean', 'yes', 'a boolean'],
    ['string', [1], 'a string'],
  ] as const)('%s refuses %j', (typeRef, value, what) => {
    expect(asTypeRef(typeRef, value as never)).toEqual({ ok: false, message: `expected ${what} (typeRef "${typeRef}") but found ${JSON.stringify(value)}` });
  });

  const dmn = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="typed" name="Typed" namespace="x">
  <decision id="fee" name="Fee">
    <decisionTable hitPolicy="FIRST">
      <input id="amount" label="Amount"><inputExpression typeRef="number"><text>amount</text></inputExpression></input>
      <output id="fee-out" name="fee" typeRef="number" />
      <rule id="small"><inputEntry><text>&lt; 100</text></inputEntry><outputEntry><text>"1.5"</text></outputEntry></rule>
      <rule id="large"><inputEntry><text>&gt;= 100</text></inputEntry><outputEntry><text>"lots"</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>`;

  it('converts a numeric string input and output to numbers, and fails naming decision, rule and output when an output cannot be one', async () => {
    // given
    const { requirements } = await parseDmn(dmn);
    if (requirements === undefined) throw new Error('no DRG');
    // when
    const small = evaluateDecision(requirements, 'fee', { amount: '50' });
    const large = evaluateDecision(requirements, 'fee', { amount: 500 });
    const wrongInput = evaluateDecision(requirements, 'fee', { amount: 'many' });
    // then
    expect(small).toMatchObject({ ok: true, result: 1.5, evaluatedDecisions: [{ inputs: [{ value: 50 }] }] });
    expect(large).toMatchObject({ ok: false, decisionId: 'fee', ruleId: 'large' });
    expect(large.ok ? '' : large.message).toContain('output "fee": expected a number (typeRef "number") but found "lots"');
    expect(wrongInput.ok ? '' : wrongInput.message).toContain('input "Amount": expected a number (typeRef "number") but found "many"; pass a value of that type');
  });
});
