import { describe, expect, it } from 'vitest';
import { end, seq, serviceTask, start, zeebe } from './test-support/bpmn.js';
import { TestEngine } from './test-support/test-engine.js';

describe('a straight process', () => {
  it('runs start, a service task and end', async () => {
    // given
    const engine = await TestEngine.of(zeebe([start(), serviceTask('charge'), end(), seq('start', 'charge', 'end')].join('\n')));
    // when
    engine.start('P', { amount: 5 });
    // then
    expect(engine.waiting()).toEqual(['charge']);
    expect(engine.effects.filter((e) => e.type === 'EnqueueJob')).toHaveLength(1);
    // when
    engine.completeJob('charge', { receipt: 'r-1' });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['charge', 'end', 'start']);
    expect(engine.variables).toEqual({ amount: 5, receipt: 'r-1' });
  });
});
