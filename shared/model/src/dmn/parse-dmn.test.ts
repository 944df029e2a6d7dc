import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDmn } from './parse-dmn.js';

const dish = readFileSync(new URL('./__fixtures__/dish.dmn', import.meta.url), 'utf8');

describe('parseDmn', () => {
  it('reads a Camunda Modeler DMN 1.3 file: tables, literal expressions, requirements', async () => {
    // when
    const { requirements, problems } = await parseDmn(dish);
    // then
    expect(problems).toEqual([]);
    expect(requirements?.decisionRequirementsId).toBe('dinnerDecisions');
    expect(Object.keys(requirements?.decisions ?? {})).toEqual(['season', 'dish', 'greeting']);
    expect(requirements?.decisions['dish']).toMatchObject({
      decisionId: 'dish',
      name: 'Dish',
      requiredDecisionIds: ['season'],
      logic: {
        kind: 'decisionTable',
        hitPolicy: 'UNIQUE',
        inputs: [
          { inputId: 'Input_season', label: 'Season', expression: '=season' },
          { inputId: 'Input_guests', label: 'Guests', expression: '=guests' },
        ],
        outputs: [
          { outputId: 'Output_dish', name: 'dish' },
          { outputId: 'Output_note', name: 'note' },
        ],
      },
    });
    expect(requirements?.decisions['dish']?.logic).toMatchObject({
      rules: [
        { ruleId: 'Rule_stew', ruleIndex: 1, inputEntries: ['"Winter"', '<= 8'], outputEntries: ['="Stew"', '="for " + string(guests)'] },
        { ruleId: 'Rule_roast', ruleIndex: 2, inputEntries: ['"Winter"', '> 8'], outputEntries: ['="Roast"', ''] },
        { ruleId: 'Rule_salad', ruleIndex: 3, inputEntries: ['not("Winter")', ''], outputEntries: ['="Salad"', '=season'] },
      ],
    });
    expect(requirements?.decisions['greeting']?.logic).toEqual({ kind: 'literalExpression', expression: '="Hello " + name' });
  });

  const wrap = (decisions: string): string => `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="t" namespace="x">${decisions}</definitions>`;

  it.each([
    ['an unknown hit policy', '<decision id="d"><decisionTable hitPolicy="SOMETIMES"><output id="o" name="o"/></decisionTable></decision>', 'INVALID_DECISION', 'unknown hit policy'],
    ['an aggregation without COLLECT', '<decision id="d"><decisionTable hitPolicy="FIRST" aggregation="SUM"><output id="o" name="o"/></decisionTable></decision>', 'INVALID_DECISION', 'needs hit policy COLLECT'],
    ['a rule with too few entries', '<decision id="d"><decisionTable><input id="i"><inputExpression><text>x</text></inputExpression></input><output id="o" name="o"/><rule id="r"><outputEntry><text>1</text></outputEntry></rule></decisionTable></decision>', 'INVALID_DECISION', 'rule "r" (1) has 0 input'],
    ['a bad output expression', '<decision id="d"><decisionTable><output id="o" name="o"/><rule id="r"><outputEntry><text>1 +</text></outputEntry></rule></decisionTable></decision>', 'INVALID_EXPRESSION', 'rule "r" output 1'],
    ['a missing required decision', '<decision id="d"><informationRequirement><requiredDecision href="#gone"/></informationRequirement><literalExpression><text>1</text></literalExpression></decision>', 'MISSING_REFERENCE', 'requires decision "gone"'],
    ['a cycle', '<decision id="a"><informationRequirement><requiredDecision href="#b"/></informationRequirement><literalExpression><text>1</text></literalExpression></decision><decision id="b"><informationRequirement><requiredDecision href="#a"/></informationRequirement><literalExpression><text>1</text></literalExpression></decision>', 'INVALID_DECISION', 'a -> b -> a'],
    ['a JavaScript output entry', '<decision id="d"><decisionTable><output id="o" name="o"/><rule id="r"><outputEntry expressionLanguage="javascript"><text>1</text></outputEntry></rule></decisionTable></decision>', 'INVALID_EXPRESSION', 'output 1 is written in javascript'],
    ['JUEL unary tests', '<decision id="d"><decisionTable><input id="i"><inputExpression><text>x</text></inputExpression></input><output id="o" name="o"/><rule id="r"><inputEntry expressionLanguage="juel"><text>${cellInput > 1}</text></inputEntry><outputEntry><text>1</text></outputEntry></rule></decisionTable></decision>', 'INVALID_EXPRESSION', 'input entry 1 is written in juel'],
    ['no decision logic', '<decision id="d"></decision>', 'UNSUPPORTED_ELEMENT', 'no decision table or literal expression'],
  ])('refuses %s', async (_name, decisions, code, words) => {
    // when
    const { requirements, problems } = await parseDmn(wrap(decisions));
    // then
    expect(requirements).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ code, severity: 'error', message: expect.stringContaining(words) as unknown }));
  });

  it('refuses what is not DMN XML', async () => {
    // when
    const { problems } = await parseDmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>');
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'XML_INVALID', severity: 'error' })]);
  });

  it('reads DMN 1.1 files (older Camunda 7 modelers) as 1.3', async () => {
    // given
    const old = '<definitions xmlns="http://www.omg.org/spec/DMN/20151101/dmn.xsd" id="old" name="o" namespace="x"><decision id="d"><literalExpression><text>1 + 1</text></literalExpression></decision></definitions>';
    // when
    const { requirements, problems } = await parseDmn(old);
    // then
    expect(problems).toEqual([]);
    expect(requirements?.decisions['d']?.logic).toEqual({ kind: 'literalExpression', expression: '=1 + 1' });
  });

  it('reads JUEL expressions of Camunda 7 tables as JUEL', async () => {
    // given
    const juel = wrap('<decision id="d"><decisionTable><input id="i"><inputExpression expressionLanguage="juel"><text>order.amount</text></inputExpression></input><output id="o" name="o"/></decisionTable></decision>');
    // when
    const { requirements, problems } = await parseDmn(juel);
    // then
    expect(problems).toEqual([]);
    expect(requirements?.decisions['d']?.logic).toMatchObject({ inputs: [{ inputId: 'i', expression: '${order.amount}' }] });
  });
});
