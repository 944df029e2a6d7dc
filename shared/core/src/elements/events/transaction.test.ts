import { describe, expect, it } from 'vitest';
import { end, seq, serviceTask, start, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';

const handled = (activity: string, handler: string) =>
  `<bpmn:boundaryEvent id="${activity}Compensation" attachedToRef="${activity}"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>` +
  serviceTask(handler).replace('<bpmn:serviceTask ', '<bpmn:serviceTask isForCompensation="true" ') +
  `<bpmn:association id="${activity}Association" sourceRef="${activity}Compensation" targetRef="${handler}" />`;
const cancelEnd = (id: string) => `<bpmn:endEvent id="${id}"><bpmn:cancelEventDefinition /></bpmn:endEvent>`;

/** start → tx (txStart → inside… ) → end; the cancel boundary `cancelled` leads to `afterCancel`. */
function transactionModel(inside: string): string {
  return zeebe(
    [
      start(),
      `<bpmn:transaction id="tx">${start('txStart')}${inside}</bpmn:transaction>`,
      '<bpmn:boundaryEvent id="cancelled" attachedToRef="tx"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>',
      end(),
      end('afterCancel'),
      seq('start', 'tx', 'end'),
      seq('cancelled', 'afterCancel'),
    ].join('\n'),
  );
}

describe('transactions (issue 16, Camunda 7 semantics)', () => {
  it('a cancel end event compensates what completed inside, then leaves by the cancel boundary; neither it nor the transaction counts', async () => {
    // given
    const engine = await TestEngine.of(transactionModel(`${serviceTask('pay')}${handled('pay', 'refund')}${cancelEnd('abort')}${seq('txStart', 'pay', 'abort')}`));
    engine.start('P');
    // when
    engine.completeJob('pay');
    // then
    expect(engine.waiting()).toEqual(['refund']);
    // when
    engine.completeJob('refund');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['afterCancel', 'cancelled', 'pay', 'refund', 'start', 'txStart']);
    expect(engine.events().some((e) => e.type === 'ElementTerminated' && e.elementId === 'abort')).toBe(true);
  });

  it('a cancel end event in a subprocess inside the transaction cancels the transaction', async () => {
    // given
    const inner = `<bpmn:subProcess id="inner">${start('innerStart')}${cancelEnd('abort')}${seq('innerStart', 'abort')}</bpmn:subProcess>`;
    const engine = await TestEngine.of(transactionModel(`${serviceTask('pay')}${handled('pay', 'refund')}${inner}${seq('txStart', 'pay', 'inner')}`));
    engine.start('P');
    engine.completeJob('pay');
    // when
    engine.completeJob('refund');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['afterCancel', 'cancelled', 'innerStart', 'pay', 'refund', 'start', 'txStart']);
  });

  it('a transaction that ends normally compensates nothing and leaves by its flow', async () => {
    // given
    const engine = await TestEngine.of(transactionModel(`${serviceTask('pay')}${handled('pay', 'refund')}${end('txEnd')}${seq('txStart', 'pay', 'txEnd')}`));
    engine.start('P');
    // when
    engine.completeJob('pay');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['end', 'pay', 'start', 'tx', 'txEnd', 'txStart']);
  });
});
