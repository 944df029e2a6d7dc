import { describe, expect, it } from 'vitest';
import { allowedActions, marksOf, type InstanceDetail } from './ops-model.js';

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
      incidents: [{ elementId: 'charge', text: 'JOB_NO_RETRIES: declined' }],
    });
  });

  it('offers cancel and retry to admins and operators, or to all when authentication is off', () => {
    expect(allowedActions(['operator'], true).canOperate).toBe(true);
    expect(allowedActions(['user'], true).canOperate).toBe(false);
    expect(allowedActions([], false).canOperate).toBe(true);
  });
});
