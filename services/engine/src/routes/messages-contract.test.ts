import { MessageCorrelationResult, MessagePublicationResult, MessageSubscriptionSearchQueryResult, SignalBroadcastResult } from '@baton/api';
import { describe, expect, it } from 'vitest';
import { errorsOf, runtimeSuite } from '../__fixtures__/contract-harness.js';
import { waitFor } from '../wait-for.js';

/** Waits for a message `paid` (correlated by `orderId`) and a signal `stop`, in parallel. */
const waits = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D-waits" targetNamespace="http://baton.dev/test">
  <bpmn:process id="waits" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:intermediateCatchEvent id="payment"><bpmn:messageEventDefinition messageRef="paid" /></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="stop"><bpmn:signalEventDefinition signalRef="stop-signal" /></bpmn:intermediateCatchEvent>
    <bpmn:parallelGateway id="join" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="payment" />
    <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="stop" />
    <bpmn:sequenceFlow id="f4" sourceRef="payment" targetRef="join" />
    <bpmn:sequenceFlow id="f5" sourceRef="stop" targetRef="join" />
    <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="end" />
  </bpmn:process>
  <bpmn:message id="paid" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>
  <bpmn:signal id="stop-signal" name="stop" />
</bpmn:definitions>`;

type Subscription = { messageSubscriptionKey: string; processInstanceKey: string; correlationKey?: string };

/** Issue 13: messages, message subscriptions and signals in Camunda 8.8's shapes, from the contract (@baton/api), on the runtime. */
describe('message, message-subscription and signal operations of the contract (runtime, in-memory)', () => {
  const suite = runtimeSuite();
  const post = (url: string, payload: object) => suite.h.app.inject({ method: 'POST', url, payload });
  const start = async (orderId: string): Promise<string> => {
    if ((await suite.h.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: waits })).statusCode !== 200) throw new Error('deploy failed');
    return (await post('/v2/process-instances', { processDefinitionId: 'waits', variables: { orderId } })).json().processInstanceKey;
  };
  const waitingOn = async (key: string): Promise<string[]> =>
    (await suite.h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json().waiting.map((w: { elementId: string }) => w.elementId);
  /** Waits (on change notifications) until the instance no longer waits on `elementId`. */
  const untilPast = (key: string, elementId: string) =>
    waitFor(async () => ((await waitingOn(key)).includes(elementId) ? undefined : true), { timeoutMs: 20_000, onChange: (l) => suite.h.engine.onChange(l) });
  const subscriptions = async (body: object) => {
    const res = await post('/v2/message-subscriptions/search', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(errorsOf(MessageSubscriptionSearchQueryResult, res.json())).toEqual([]);
    return res.json() as { items: Subscription[]; page: { totalItems: number; endCursor?: string } };
  };

  it('publishes a message with a timeToLive that waits for a subscription opening within it (8.8 MessagePublicationResult)', async () => {
    // when: nobody waits yet
    const res = await post('/v2/messages/publication', { name: 'paid', correlationKey: 'o-1', timeToLive: 60_000, variables: { amount: 5 }, tenantId: '<default>' });
    // then
    expect(res.statusCode, res.body).toBe(200);
    expect(errorsOf(MessagePublicationResult, res.json())).toEqual([]);
    expect(res.json()).toEqual({ messageKey: expect.any(String), tenantId: '<default>' });
    // when: an instance opens a subscription for that key within the TTL
    await suite.clock.advanceBy(30_000);
    const key = await start('o-1');
    // then: it takes the kept message
    expect(await untilPast(key, 'payment')).toBe(true);
    expect((await suite.h.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json().variables).toMatchObject({ amount: 5 });
  });

  it('a message whose timeToLive passed reaches no subscription opened later', async () => {
    // given
    expect((await post('/v2/messages/publication', { name: 'paid', correlationKey: 'o-2', timeToLive: 1_000 })).statusCode).toBe(200);
    await suite.clock.advanceBy(1_001);
    // when
    const key = await start('o-2');
    // then: its subscription stayed open, so a correlation now reaches it
    const correlated = await post('/v2/messages/correlation', { name: 'paid', correlationKey: 'o-2' });
    expect(correlated.json()).toMatchObject({ processInstanceKey: key });
  });

  it('correlates to the waiting instance (8.8 MessageCorrelationResult), and answers 404 when nobody waits', async () => {
    // given
    const key = await start('o-3');
    // when
    const res = await post('/v2/messages/correlation', { name: 'paid', correlationKey: 'o-3', variables: { paidBy: 'card' } });
    const none = await post('/v2/messages/correlation', { name: 'paid', correlationKey: 'o-3' });
    // then
    expect(res.statusCode, res.body).toBe(200);
    expect(errorsOf(MessageCorrelationResult, res.json())).toEqual([]);
    expect(res.json()).toEqual({ messageKey: expect.any(String), tenantId: '<default>', processInstanceKey: key });
    expect(await waitingOn(key)).toEqual(['stop']);
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: expect.stringContaining('"paid"') });
  });

  it('refuses a message without a name, a negative timeToLive, and a timeToLive on a correlation, naming the field', async () => {
    // when
    const cases = [
      ['/v2/messages/publication', { correlationKey: 'o-1' }, 'name'],
      ['/v2/messages/correlation', { correlationKey: 'o-1' }, 'name'],
      ['/v2/messages/publication', { name: 'paid', timeToLive: -5 }, 'timeToLive'],
      ['/v2/messages/correlation', { name: 'paid', timeToLive: 5 }, 'timeToLive'],
    ] as const;
    for (const [url, body, field] of cases) {
      const res = await post(url, body);
      // then
      expect(res.statusCode, `${url} ${field}`).toBe(400);
      expect(res.json(), `${url} ${field}`).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.json().detail, `${url} ${field}`).toContain(field);
    }
  });

  it('searches the open message subscriptions in 8.8\'s shape: filters, sort, cursors; a correlated one is gone', async () => {
    // given
    const first = await start('o-4');
    const second = await start('o-5');
    // when
    const all = await subscriptions({});
    const byKey = await subscriptions({ filter: { correlationKey: 'o-5' } });
    const byInstance = await subscriptions({ filter: { processInstanceKey: { $eq: first } } });
    const one = await subscriptions({ filter: { messageSubscriptionKey: byKey.items[0]?.messageSubscriptionKey ?? '' } });
    const sorted = await subscriptions({ sort: [{ field: 'correlationKey', order: 'DESC' }] });
    const page1 = await subscriptions({ page: { limit: 1 } });
    const page2 = await subscriptions({ page: { limit: 1, after: page1.page.endCursor } });
    const correlatedState = await subscriptions({ filter: { messageSubscriptionState: 'CORRELATED' } });
    const otherTenant = await subscriptions({ filter: { tenantId: 'acme' } });
    // then
    expect(all.page.totalItems).toBe(2);
    expect(all.items[0]).toEqual({
      messageSubscriptionKey: expect.any(String),
      processDefinitionId: 'waits',
      processDefinitionKey: expect.any(String),
      processInstanceKey: first,
      elementId: 'payment',
      elementInstanceKey: expect.any(String),
      messageSubscriptionState: 'CREATED',
      lastUpdatedDate: new Date(suite.clock.now()).toISOString(),
      messageName: 'paid',
      correlationKey: 'o-4',
      tenantId: '<default>',
    });
    expect(byKey.items.map((s) => s.processInstanceKey)).toEqual([second]);
    expect(byInstance.items.map((s) => s.correlationKey)).toEqual(['o-4']);
    expect(one.items).toEqual(byKey.items);
    expect(sorted.items.map((s) => s.correlationKey)).toEqual(['o-5', 'o-4']);
    expect([...page1.items, ...page2.items]).toEqual(all.items);
    expect(correlatedState.items).toEqual([]);
    expect(otherTenant.items).toEqual([]);
    // when: one is correlated
    expect((await post('/v2/messages/correlation', { name: 'paid', correlationKey: 'o-4' })).statusCode).toBe(200);
    // then
    expect((await subscriptions({})).items.map((s) => s.processInstanceKey)).toEqual([second]);
    expect((await subscriptions({ filter: { processInstanceKey: 'no-such-instance' } })).items).toEqual([]);
  });

  it('refuses an unknown filter and a sort field 8.8 does not have, naming them', async () => {
    // when
    const filter = await post('/v2/message-subscriptions/search', { filter: { messageNme: 'paid' } });
    const sort = await post('/v2/message-subscriptions/search', { sort: [{ field: 'processDefinitionKey' }] });
    // then
    expect(filter.statusCode).toBe(400);
    expect(filter.json().detail).toContain('messageNme');
    expect(sort.statusCode).toBe(400);
    expect(sort.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'sort.0.field' } });
  });

  it('broadcasts a signal to the waiting instance (8.8 SignalBroadcastResult), and refuses one without a name', async () => {
    // given
    const key = await start('o-6');
    // when
    const res = await post('/v2/signals/broadcast', { signalName: 'stop', variables: { reason: 'recalled' } });
    const bad = await post('/v2/signals/broadcast', { variables: {} });
    // then
    expect(res.statusCode, res.body).toBe(200);
    expect(errorsOf(SignalBroadcastResult, res.json())).toEqual([]);
    expect(res.json()).toEqual({ signalKey: expect.any(String), tenantId: '<default>' });
    expect(await waitingOn(key)).toEqual(['payment']);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'signalName' } });
  });
});
