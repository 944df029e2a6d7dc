import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DecisionRequirements } from './decision-definition.js';
import { evaluateDecision } from './evaluate-decision.js';
import { parseDmn } from './parse-dmn.js';

const dish = readFileSync(new URL('./__fixtures__/dish.dmn', import.meta.url), 'utf8');

/** A one-decision DMN file `d`: input `x`, the given output columns, rules as [input entry, ...output entries]. */
function tableXml(attributes: string, outputs: readonly string[], rules: readonly (readonly string[])[], outputValues = ''): string {
  const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const columns = outputs.map((name, i) => `<output id="o${i}" name="${name}">${i === 0 && outputValues !== '' ? `<outputValues><text>${esc(outputValues)}</text></outputValues>` : ''}</output>`).join('');
  const body = rules
    .map(([test, ...outs], i) => `<rule id="r${i + 1}"><inputEntry><text>${esc(test ?? '')}</text></inputEntry>${outs.map((o) => `<outputEntry><text>${esc(o)}</text></outputEntry>`).join('')}</rule>`)
    .join('');
  return `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="t" namespace="x">
    <decision id="d" name="D"><decisionTable ${attributes}><input id="i1" label="X"><inputExpression><text>x</text></inputExpression></input>${columns}${body}</decisionTable></decision>
  </definitions>`;
}

async function drg(xml: string): Promise<DecisionRequirements> {
  const { requirements, problems } = await parseDmn(xml);
  expect(problems).toEqual([]);
  if (requirements === undefined) throw new Error('no requirements');
  return requirements;
}

const scores = [
  ['< 10', '1'],
  ['< 20', '2'],
  ['< 30', '3'],
];

describe('evaluateDecision: hit policies', () => {
  it.each([
    ['UNIQUE, one match', 'hitPolicy="UNIQUE"', 25, 3],
    ['UNIQUE, no match', '', 40, null],
    ['FIRST', 'hitPolicy="FIRST"', 5, 1],
    ['FIRST, no match', 'hitPolicy="FIRST"', 40, null],
    ['ANY, equal outputs', 'hitPolicy="ANY"', 25, 3],
    ['COLLECT', 'hitPolicy="COLLECT"', 15, [2, 3]],
    ['COLLECT, no match', 'hitPolicy="COLLECT"', 40, []],
    ['COLLECT SUM', 'hitPolicy="COLLECT" aggregation="SUM"', 5, 6],
    ['COLLECT MIN', 'hitPolicy="COLLECT" aggregation="MIN"', 15, 2],
    ['COLLECT MAX', 'hitPolicy="COLLECT" aggregation="MAX"', 15, 3],
    ['COLLECT COUNT', 'hitPolicy="COLLECT" aggregation="COUNT"', 5, 3],
    ['COLLECT COUNT, no match', 'hitPolicy="COLLECT" aggregation="COUNT"', 40, 0],
    ['COLLECT SUM, no match', 'hitPolicy="COLLECT" aggregation="SUM"', 40, null],
    ['RULE ORDER', 'hitPolicy="RULE ORDER"', 5, [1, 2, 3]],
    ['RULE ORDER, no match', 'hitPolicy="RULE ORDER"', 40, []],
  ])('%s', async (_name, attributes, x, expected) => {
    // given
    const requirements = await drg(tableXml(attributes, ['score'], attributes === 'hitPolicy="ANY"' ? [['< 30', '3'], ['> 20', '3']] : scores));
    // when
    const evaluation = evaluateDecision(requirements, 'd', { x });
    // then
    expect(evaluation).toMatchObject({ ok: true, decisionId: 'd', result: expected });
  });

  it('PRIORITY gives the matching rule whose output ranks first in the output values', async () => {
    // given
    const rules = [['> 0', '"low"'], ['> 10', '"high"'], ['> 5', '"medium"']];
    const requirements = await drg(tableXml('hitPolicy="PRIORITY"', ['risk'], rules, '"high","medium","low"'));
    // when / then
    expect(evaluateDecision(requirements, 'd', { x: 20 })).toMatchObject({ ok: true, result: 'high' });
    expect(evaluateDecision(requirements, 'd', { x: 7 })).toMatchObject({ ok: true, result: 'medium' });
    expect(evaluateDecision(requirements, 'd', { x: -1 })).toMatchObject({ ok: true, result: null });
  });

  it('COLLECT SUM adds decimals as FEEL does', async () => {
    // given
    const requirements = await drg(tableXml('hitPolicy="COLLECT" aggregation="SUM"', ['fee'], [['-', '0.1'], ['-', '0.2']]));
    // when / then
    expect(evaluateDecision(requirements, 'd', { x: 1 })).toMatchObject({ ok: true, result: 0.3 });
  });

  it('OUTPUT ORDER lists all matches by output value rank', async () => {
    // given
    const rules = [['> 0', '"low"'], ['> 10', '"high"'], ['> 5', '"medium"']];
    const requirements = await drg(tableXml('hitPolicy="OUTPUT ORDER"', ['risk'], rules, '"high","medium","low"'));
    // when / then
    expect(evaluateDecision(requirements, 'd', { x: 20 })).toMatchObject({ ok: true, result: ['high', 'medium', 'low'] });
  });

  it('several output columns give an object keyed by output name, per rule', async () => {
    // given
    const requirements = await drg(tableXml('hitPolicy="COLLECT"', ['score', 'label'], [['< 10', '1', '"small"'], ['< 20', '2', '']]));
    // when
    const evaluation = evaluateDecision(requirements, 'd', { x: 5 });
    // then
    expect(evaluation).toMatchObject({ ok: true, result: [{ score: 1, label: 'small' }, { score: 2, label: null }] });
  });

  it('records inputs and matched rules of each evaluated decision', async () => {
    // given
    const requirements = await drg(tableXml('hitPolicy="FIRST"', ['score'], scores));
    // when
    const evaluation = evaluateDecision(requirements, 'd', { x: 15 });
    // then
    expect(evaluation.evaluatedDecisions).toEqual([
      { decisionId: 'd', decisionName: 'D', decisionType: 'decisionTable', inputs: [{ inputId: 'i1', label: 'X', value: 15 }], matchedRules: [{ ruleId: 'r2', ruleIndex: 2, outputs: { score: 2 } }], result: 2 },
    ]);
  });
});

describe('evaluateDecision: unary tests', () => {
  it.each([
    ['[1..10]', 10, true],
    ['[1..10[', 10, false],
    [']1..10]', 1, false],
    ['1, 5, 7', 5, true],
    ['1, 5, 7', 6, false],
    ['not(1, 5)', 6, true],
    ['not(1, 5)', 5, false],
    ['-', 'anything', true],
    ['', null, true],
    ['"gold", "silver"', 'silver', true],
    ['>= 50', 50.0, true],
    ['50', 50.0, true],
    ['< limit', 3, true],
    ['? > 2 and ? < 4', 3, true],
    ['null', null, true],
  ])('"%s" against %j matches: %s', async (test, x, matches) => {
    // given
    const requirements = await drg(tableXml('hitPolicy="FIRST"', ['hit'], [[test, 'true']]));
    // when
    const evaluation = evaluateDecision(requirements, 'd', { x, limit: 5 });
    // then
    expect(evaluation).toMatchObject({ ok: true, result: matches ? true : null });
  });
});

describe('evaluateDecision: literal expressions and requirement graphs', () => {
  it('a literal expression decision gives its value', async () => {
    // given
    const requirements = await drg(dish);
    // when / then
    expect(evaluateDecision(requirements, 'greeting', { name: 'Ann' })).toMatchObject({ ok: true, result: 'Hello Ann' });
  });

  it('evaluates required decisions first and shows their results under their ids', async () => {
    // given
    const requirements = await drg(dish);
    // when
    const winter = evaluateDecision(requirements, 'dish', { month: 1, guests: 4 });
    const summer = evaluateDecision(requirements, 'dish', { month: 7, guests: 20 });
    // then
    expect(winter).toMatchObject({ ok: true, result: { dish: 'Stew', note: 'for 4' } });
    expect(winter.evaluatedDecisions.map((d) => [d.decisionId, d.result])).toEqual([
      ['season', 'Winter'],
      ['dish', { dish: 'Stew', note: 'for 4' }],
    ]);
    expect(summer).toMatchObject({ ok: true, result: { dish: 'Salad', note: 'Summer' } });
  });
});

describe('evaluateDecision: failures name the decision and the rule', () => {
  it('UNIQUE with two matching rules', async () => {
    // given
    const requirements = await drg(tableXml('hitPolicy="UNIQUE"', ['score'], scores));
    // when
    const evaluation = evaluateDecision(requirements, 'd', { x: 15 });
    // then
    expect(evaluation).toMatchObject({ ok: false, decisionId: 'd', ruleId: 'r3' });
    expect(evaluation.ok ? '' : evaluation.message).toContain('decision "d": hit policy UNIQUE but 2 rules match: "r2" (#2), "r3" (#3)');
  });

  it('ANY with different outputs', async () => {
    // given
    const requirements = await drg(tableXml('hitPolicy="ANY"', ['score'], scores));
    // when
    const evaluation = evaluateDecision(requirements, 'd', { x: 15 });
    // then
    expect(evaluation).toMatchObject({ ok: false, decisionId: 'd', ruleId: 'r3' });
  });

  it('a bad output expression names its rule', async () => {
    // given
    const requirements = await drg(tableXml('hitPolicy="FIRST"', ['score'], [['-', 'function(a) a']]));
    // when
    const evaluation = evaluateDecision(requirements, 'd', { x: 'text' });
    // then
    expect(evaluation).toMatchObject({ ok: false, decisionId: 'd', ruleId: 'r1' });
    expect(evaluation.ok ? '' : evaluation.message).toMatch(/^decision "d", rule "r1" \(#1\): output "score": cannot use the result/);
  });

  it('a unary test feelin cannot read names its rule', async () => {
    // given
    const requirements = await drg(tableXml('hitPolicy="FIRST"', ['score'], [['[1..', '1']]));
    // when
    const evaluation = evaluateDecision(requirements, 'd', { x: 1 });
    // then
    expect(evaluation).toMatchObject({ ok: false, decisionId: 'd', ruleId: 'r1' });
    expect(evaluation.ok ? '' : evaluation.message).toContain('decision "d", rule "r1" (#1): input entry 1');
  });

  it('an unknown decision', async () => {
    // given
    const requirements = await drg(dish);
    // when / then
    expect(evaluateDecision(requirements, 'nope', {})).toMatchObject({ ok: false, decisionId: 'nope', message: 'decision "nope" is not deployed in this decision requirements graph' });
  });
});
