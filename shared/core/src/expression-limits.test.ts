import { describe, expect, it } from 'vitest';
import { end, escape, flow, io, seq, serviceTask, start, zeebe } from './test-support/bpmn.js';
import { TestEngine } from './test-support/test-engine.js';

// Issue #12, finding 1: an expression over its limits is an incident on its element,
// naming the expression and the limit; the instance stays resolvable.
const issueScript = '=for i in 1..n return i';
const script = (id: string, expression: string) =>
  `<bpmn:scriptTask id="${id}"><bpmn:extensionElements><zeebe:script expression="${escape(expression)}" resultVariable="out" /></bpmn:extensionElements></bpmn:scriptTask>`;

/** start -> fork -> (big: the script | fix: a job) -> join -> end */
const parallelFix = zeebe(
  [
    start(),
    '<bpmn:parallelGateway id="fork" />',
    script('big', issueScript),
    serviceTask('fix'),
    '<bpmn:parallelGateway id="join" />',
    end(),
    seq('start', 'fork', 'big', 'join', 'end'),
    seq('fork', 'fix', 'join'),
  ].join('\n'),
);

function onlyIncident(engine: TestEngine) {
  const incidents = Object.values(engine.state.incidents);
  expect(incidents).toHaveLength(1);
  return incidents[0]!;
}

describe('expression limits in the core', () => {
  it('raises an incident naming the element, the expression and the limit; resolving after the variables are fixed completes', async () => {
    // given
    const engine = await TestEngine.of(parallelFix);
    // when: the issue's expression, 100,000,000 iterations
    engine.start('P', { n: 100_000_000 });
    // then
    const incident = onlyIncident(engine);
    expect(incident).toMatchObject({ errorType: 'EXPRESSION_FAILED', elementId: 'big' });
    expect(incident.errorMessage).toContain("element 'big'");
    expect(incident.errorMessage).toContain(issueScript);
    expect(incident.errorMessage).toContain('maxSteps');
    expect(engine.state.status).toBe('active');
    // when: another branch fixes n, and the incident is resolved
    engine.completeJob('fix', { n: 3 });
    engine.run(engine.rootInstanceId, { type: 'ResolveIncident', incidentKey: incident.incidentKey });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.variables).toMatchObject({ out: [1, 2, 3] });
  });

  it('uses the limits the node decides under, and a retry under raised limits succeeds', async () => {
    // given: limits so small that 1..500 is too much
    const engine = await TestEngine.of(parallelFix);
    engine.decideOptions = { expressionLimits: { maxSteps: 100, maxResultSize: 1_000, maxDepth: 10 } };
    engine.start('P', { n: 500 });
    const incident = onlyIncident(engine);
    expect(incident.errorMessage).toContain('maxSteps = 100');
    // when: the node runs with the default limits again
    engine.decideOptions = {};
    engine.completeJob('fix');
    engine.run(engine.rootInstanceId, { type: 'ResolveIncident', incidentKey: incident.incidentKey });
    // then
    expect(engine.state.status).toBe('completed');
    expect((engine.variables['out'] as unknown[]).length).toBe(500);
  });

  const huge = '=count(for i in 1..100000000 return i) > 0';
  it.each<[string, string, string]>([
    ['a flow condition', 'gw', zeebe([start(), '<bpmn:exclusiveGateway id="gw" />', end(), seq('start', 'gw'), flow('gw', 'end', huge)].join('\n'))],
    ['an input mapping', 't', zeebe([start(), serviceTask('t', { ext: io([[huge, 'x']]) }), end(), seq('start', 't', 'end')].join('\n'))],
    [
      'a multi-instance collection',
      't',
      zeebe(
        [
          start(),
          serviceTask('t', { inner: '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=for i in 1..100000000 return i" inputElement="item" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>' }),
          end(),
          seq('start', 't', 'end'),
        ].join('\n'),
      ),
    ],
  ])('bounds %s: an incident on %s naming the limit', async (_what, elementId, xml) => {
    // given
    const engine = await TestEngine.of(xml);
    // when
    engine.start('P');
    // then
    const incident = onlyIncident(engine);
    expect(incident).toMatchObject({ errorType: 'EXPRESSION_FAILED', elementId });
    expect(incident.errorMessage).toContain('maxSteps');
  });
});
