import { describe, expect, it } from 'vitest';
import { allowedActions, countBadges, definitionRows, historyGroups, marksOf, shortTime, stepLabel, type InstanceDetail } from './ops-model.js';

const instance: InstanceDetail = {
  processInstanceKey: 'i-1',
  processDefinitionId: 'pay',
  processDefinitionKey: 'pay:1',
  state: 'ACTIVE',
  hasIncident: true,
  variables: {},
  waiting: [{ elementId: 'approve', kind: 'userTask' }],
  incidents: [{ incidentKey: 'x', elementId: 'charge', errorType: 'JOB_NO_RETRIES', errorMessage: 'declined' }],
};

describe('diagram marks', () => {
  it('marks waits, incidents, and the path taken without them', () => {
    const history = [
      { position: 0, type: 'InstanceCreated' },
      { position: 1, type: 'ElementActivated', elementId: 'start' },
      { position: 2, type: 'ElementCompleted', elementId: 'start' },
      { position: 3, type: 'FlowTaken', flowId: 'f1' },
      { position: 4, type: 'ElementActivated', elementId: 'charge' },
      { position: 5, type: 'ElementActivated', elementId: 'approve' },
    ];
    expect(marksOf(instance, history)).toEqual({
      waiting: ['approve'],
      visited: ['start', 'f1'],
      incidents: [{ incidentKey: 'x', elementId: 'charge', text: 'JOB_NO_RETRIES: declined' }],
    });
  });

  it('offers cancel and retry to admins and operators, or to all when authentication is off', () => {
    expect(allowedActions(['operator'], true).canOperate).toBe(true);
    expect(allowedActions(['user'], true).canOperate).toBe(false);
    expect(allowedActions([], false).canOperate).toBe(true);
  });
});

describe('definitions list', () => {
  it('lists by process id, newest version first, marks the latest and links each to its diagram', () => {
    // given
    const definitions = [
      { processDefinitionKey: 'pay:1', processDefinitionId: 'pay', name: 'Pay', version: 1 },
      { processDefinitionKey: 'ship:1', processDefinitionId: 'ship', version: 1 },
      { processDefinitionKey: 'pay:2', processDefinitionId: 'pay', name: 'Pay', version: 2 },
      { processDefinitionKey: 'a b/1', processDefinitionId: 'audit', name: 'Audit', version: 1 },
    ];
    // when
    const rows = definitionRows(definitions);
    // then
    expect(rows.map((r) => [r.processDefinitionId, r.name, r.version, r.isLatest])).toEqual([
      ['audit', 'Audit', 1, true],
      ['pay', 'Pay', 2, true],
      ['pay', 'Pay', 1, false],
      ['ship', '', 1, true],
    ]);
    expect(rows[0]?.href).toBe('#/definitions/a%20b%2F1');
    expect(rows[1]?.href).toBe('#/definitions/pay%3A2');
  });

  it('is empty when nothing is deployed', () => {
    expect(definitionRows([])).toEqual([]);
  });
});

describe('history for people', () => {
  it('groups the events per element in order of first appearance, with readable steps and times', () => {
    const history = [
      { position: 0, type: 'InstanceCreated', time: '2026-12-06T10:00:00.000Z' },
      { position: 1, type: 'ElementActivated', elementId: 'charge', time: '2026-12-06T10:00:01.000Z' },
      { position: 2, type: 'FlowTaken', flowId: 'f1', time: '2026-12-06T10:00:01.000Z' },
      { position: 3, type: 'JobFailed', elementId: 'charge', time: '2026-12-06T10:00:05.000Z' },
      { position: 4, type: 'ElementActivated', elementId: 'approve' },
    ];
    expect(historyGroups(history, new Map([['charge', 'Charge card']]))).toEqual([
      { title: 'Instance', firstTime: '2026-12-06T10:00:00.000Z', lastTime: '2026-12-06T10:00:00.000Z', steps: [{ label: 'instance created', time: '2026-12-06T10:00:00.000Z' }] },
      {
        elementId: 'charge',
        title: 'Charge card',
        firstTime: '2026-12-06T10:00:01.000Z',
        lastTime: '2026-12-06T10:00:05.000Z',
        steps: [
          { label: 'activated', time: '2026-12-06T10:00:01.000Z' },
          { label: 'job failed', time: '2026-12-06T10:00:05.000Z' },
        ],
      },
      { elementId: 'approve', title: 'approve', steps: [{ label: 'activated' }] },
    ]);
  });

  it('labels event types in words and shows times without the T and milliseconds', () => {
    expect(stepLabel('ElementCompleted', true)).toBe('completed');
    expect(stepLabel('ElementCompleted', false)).toBe('element completed');
    expect(stepLabel('IncidentResolved', true)).toBe('incident resolved');
    expect(shortTime('2026-12-06T23:20:13.123Z')).toBe('2026-12-06 23:20:13');
    expect(shortTime(undefined)).toBe('');
  });
});

describe('definition statistics', () => {
  it('draws the non-zero counts of each element, active then incidents then completed', () => {
    const badges = countBadges([
      { elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 3 },
      { elementId: 'charge', active: 2, canceled: 1, incidents: 1, completed: 0 },
      { elementId: 'end', active: 0, canceled: 0, incidents: 0, completed: 0 },
    ]);
    expect([...badges.entries()]).toEqual([
      ['start', [{ kind: 'completed', count: 3, title: '3 completed' }]],
      [
        'charge',
        [
          { kind: 'active', count: 2, title: '2 active' },
          { kind: 'incidents', count: 1, title: '1 incident' },
        ],
      ],
    ]);
  });
});
