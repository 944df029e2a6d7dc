import { readFileSync } from 'node:fs';
import { VirtualClock } from '@baton/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryEngine, type InMemoryEngine } from './create-in-memory-engine.js';

const file = (name: string) => ({ name, xml: readFileSync(new URL(`./__fixtures__/bpmn/${name}`, import.meta.url), 'utf8') });

describe('engine: business rule tasks evaluate deployed DMN decisions (issue 16)', () => {
  let engine: InMemoryEngine;
  const errors: unknown[] = [];
  const boot = () => {
    engine = createInMemoryEngine({ clock: new VirtualClock(Date.UTC(2026, 0, 1)), store: { freeze: true }, onError: (e) => void errors.push(e) });
  };
  const eventsOf = async (instanceId: string) => (await engine.getHistory(instanceId, { limit: 1_000 })).items.map((entry) => entry.event);
  /** dinner.dmn deployed twice unchanged (with dinner.bpmn), then changed: version 2 says Soup where version 1 says Stew. */
  const bootWithTwoVersions = async () => {
    boot();
    const dmn = file('dinner.dmn');
    await engine.deploy([dmn, file('dinner.bpmn')]);
    await engine.deploy([dmn]);
    await engine.deploy([{ name: 'dinner.dmn', xml: dmn.xml.replace('"Stew"', '"Soup"') }]);
    return dmn;
  };
  afterEach(async () => {
    await engine.close();
    expect(errors).toEqual([]);
    errors.length = 0;
  });

  it('runs a process whose business rule task calls a DRG to completion with the result variable', async () => {
    // given
    boot();
    await engine.deploy([file('dinner.dmn'), file('dinner.bpmn')]);
    // when
    const { instanceId } = await engine.startInstance({ processId: 'dinner', variables: { month: 1, guests: 4 } });
    // then
    const { state } = await engine.getInstance(instanceId);
    expect(state.status).toBe('completed');
    expect(state.variables['root']).toMatchObject({ meal: { dish: 'Stew', note: 'for 4' } });
    const evaluated = (await eventsOf(instanceId)).find((event) => event.type === 'DecisionEvaluated');
    expect(evaluated).toMatchObject({
      elementId: 'decideDish',
      decisionId: 'dish',
      decisionRequirementsId: 'dinnerDecisions',
      decisionVersion: 1,
      evaluatedDecisions: [
        { decisionId: 'season', result: 'Winter', matchedRules: [{ ruleId: 'Rule_winter' }] },
        { decisionId: 'dish', result: { dish: 'Stew', note: 'for 4' }, matchedRules: [{ ruleId: 'Rule_stew', outputs: { dish: 'Stew', note: 'for 4' } }] },
      ],
    });
  });

  it('raises an incident while the decision is not deployed, and evaluates it once deployed and resolved', async () => {
    // given
    boot();
    await engine.deploy([file('dinner.bpmn')]);
    const { instanceId } = await engine.startInstance({ processId: 'dinner', variables: { month: 7, guests: 2 } });
    const [incident] = (await engine.searchIncidents({ instanceId })).items;
    expect(incident).toMatchObject({ errorType: 'CALLED_DECISION_ERROR', elementId: 'decideDish' });
    // when
    await engine.deploy([file('dinner.dmn')]);
    await engine.resolveIncident({ instanceId, incidentKey: incident?.incidentKey ?? '' });
    // then
    const { state } = await engine.getInstance(instanceId);
    expect(state.status).toBe('completed');
    expect(state.variables['root']).toMatchObject({ meal: { dish: 'Salad', note: 'Summer' } });
  });

  it('uses the latest deployed version of a decision; an identical file keeps its version', async () => {
    // given
    await bootWithTwoVersions();
    // when
    const { instanceId } = await engine.startInstance({ processId: 'dinner', variables: { month: 12, guests: 3 } });
    // then
    expect((await engine.getInstance(instanceId)).state.variables['root']).toMatchObject({ meal: { dish: 'Soup' } });
    expect((await eventsOf(instanceId)).find((event) => event.type === 'DecisionEvaluated')).toMatchObject({ decisionVersion: 2 });
  });

  it('keeps every version as a decision definition with its own key; a key evaluates its own version; instances record the definition keys', async () => {
    // given two versions of the file, the first deployed twice
    const dmn = await bootWithTwoVersions();
    // when
    const definitions = await engine.listDecisionDefinitions();
    const files = await engine.listDecisionRequirements();
    // then each decision has versions 1 and 2, each file version lists its decisions
    expect(definitions.map((d) => `${d.decisionId} v${d.version}`).sort()).toEqual(['dish v1', 'dish v2', 'greeting v1', 'greeting v2', 'season v1', 'season v2']);
    expect(new Set(definitions.map((d) => d.decisionKey)).size).toBe(6);
    expect(files.map((f) => [f.decisionRequirementsId, f.version, f.decisions.length])).toEqual([
      ['dinnerDecisions', 1, 3],
      ['dinnerDecisions', 2, 3],
    ]);
    expect((await engine.getDecisionRequirements(files[0]?.decisionRequirementsKey ?? ''))?.xml).toBe(dmn.xml);
    const dishV1 = definitions.find((d) => d.decisionId === 'dish' && d.version === 1);
    const byKey = await engine.evaluateDecision({ decisionKey: dishV1?.decisionKey ?? '', variables: { month: 12, guests: 3 } });
    expect(byKey).toMatchObject({ decisionVersion: 1, evaluation: { ok: true, result: { dish: 'Stew' } } });
    const latest = await engine.evaluateDecision({ decisionId: 'dish', variables: { month: 12, guests: 3 } });
    expect(latest).toMatchObject({ decisionVersion: 2, evaluation: { ok: true, result: { dish: 'Soup' } } });
    // and an instance's evaluation names the definitions it evaluated
    const { instanceId } = await engine.startInstance({ processId: 'dinner', variables: { month: 12, guests: 3 } });
    const dishV2 = definitions.find((d) => d.decisionId === 'dish' && d.version === 2);
    const seasonV2 = definitions.find((d) => d.decisionId === 'season' && d.version === 2);
    expect((await eventsOf(instanceId)).find((event) => event.type === 'DecisionEvaluated')).toMatchObject({
      decisionKey: dishV2?.decisionKey,
      decisionVersion: 2,
      evaluatedDecisions: [{ decisionId: 'season', decisionKey: seasonV2?.decisionKey, decisionVersion: 2 }, { decisionId: 'dish', decisionKey: dishV2?.decisionKey }],
    });
  });

  it('refuses a deployment with a broken DMN file, naming the file and the decision', async () => {
    // given
    boot();
    const broken = file('dinner.dmn').xml.replace('hitPolicy="FIRST"', 'hitPolicy="SOMETIMES"');
    // when
    const deploying = engine.deploy([{ name: 'dinner.dmn', xml: broken }, file('dinner.bpmn')]);
    // then
    await expect(deploying).rejects.toMatchObject({ code: 'MODEL_INVALID', message: expect.stringContaining('dinner.dmn (season)') as unknown });
    expect(await engine.listDefinitions()).toEqual([]);
  });

  it('finds a decision whose id the model gives as a FEEL expression', async () => {
    // given
    boot();
    const byExpression = file('dinner.bpmn').xml.replace('decisionId="dish"', 'decisionId="=which"');
    await engine.deploy([file('dinner.dmn'), { name: 'dinner.bpmn', xml: byExpression }]);
    // when
    const { instanceId } = await engine.startInstance({ processId: 'dinner', variables: { which: 'greeting', name: 'Ann' } });
    // then
    const { state } = await engine.getInstance(instanceId);
    expect(state.status).toBe('completed');
    expect(state.variables['root']).toMatchObject({ meal: 'Hello Ann' });
  });

  it('evaluates a deployed decision on its own, outside any instance', async () => {
    // given
    boot();
    await engine.deploy([file('dinner.dmn')]);
    // when
    const evaluated = await engine.evaluateDecision({ decisionId: 'dish', variables: { month: 7, guests: 2 } });
    // then
    expect(evaluated).toMatchObject({ decisionId: 'dish', decisionVersion: 1, decisionRequirementsId: 'dinnerDecisions', evaluation: { ok: true, result: { dish: 'Salad', note: 'Summer' } } });
    expect(evaluated.evaluation.evaluatedDecisions.map((d) => d.decisionId)).toEqual(['season', 'dish']);
    await expect(engine.evaluateDecision({ decisionId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
