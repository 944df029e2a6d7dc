import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { maxStepsPerCommand } from './engine.js';
import { flow, seq, start, zeebe } from './test-support/bpmn.js';
import { deploy } from './test-support/test-engine.js';

describe('a model that loops with nothing to wait at', () => {
  it('is refused with STEP_LIMIT_EXCEEDED naming an element, instead of running forever', async () => {
    // given two gateways that hand the token to each other forever
    const definitions = await deploy(
      zeebe([start(), '<bpmn:exclusiveGateway id="ping" />', '<bpmn:exclusiveGateway id="pong" />', seq('start', 'ping', 'pong'), flow('pong', 'ping')].join('\n')),
    );
    // when an instance starts
    const decision = decide(undefined, { type: 'CreateInstance', commandId: 'c1', at: 0, instanceId: 'i1', variables: {} }, definitions['P']!);
    // then the command is refused, and nothing is created
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.rejection.code).toBe('STEP_LIMIT_EXCEEDED');
    expect(['ping', 'pong']).toContain(decision.rejection.details['elementId']);
    expect(decision.rejection.message).toContain(String(maxStepsPerCommand));
  });
});
