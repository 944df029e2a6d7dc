import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineApi } from '../engine-api.js';
import { harness, inMemoryEngineApi, type Harness } from '../__fixtures__/harness.js';
import { linearProcess } from '../__fixtures__/linear-process.js';

/** The engine, counting the calls made to each of its methods. */
function counting(engine: EngineApi): { engine: EngineApi; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const counted = new Proxy(engine, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(property, (calls.get(property) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { engine: counted, calls };
}

const review = linearProcess('review', 'reviewTask', '<bpmn:userTask id="reviewTask" name="Review"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>');
const charge = linearProcess('charge', 'chargeTask', '<bpmn:serviceTask id="chargeTask"><bpmn:extensionElements><zeebe:taskDefinition type="charge-card" /></bpmn:extensionElements></bpmn:serviceTask>');

/** Two user tasks side by side. */
const pair = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D-pair" targetNamespace="http://baton.dev/test">
  <bpmn:process id="pair" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="split" />
    <bpmn:userTask id="left" name="Left"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="right" name="Right"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="leftEnd" />
    <bpmn:endEvent id="rightEnd" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="split" />
    <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="left" />
    <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="right" />
    <bpmn:sequenceFlow id="f4" sourceRef="left" targetRef="leftEnd" />
    <bpmn:sequenceFlow id="f5" sourceRef="right" targetRef="rightEnd" />
  </bpmn:process>
</bpmn:definitions>`;

const pageQuery = `query Page($limit: Int) {
  processInstances(page: { limit: $limit }) {
    items { processInstanceKey processDefinitionId userTasks { name } incidents { errorMessage } processDefinition { processDefinitionId } }
  }
}`;

interface PageAnswer {
  data: {
    processInstances: {
      items: { processDefinitionId: string; userTasks: { name: string }[]; incidents: { errorMessage: string }[]; processDefinition: { processDefinitionId: string } }[];
    };
  };
}

/** ProcessInstance.userTasks and .incidents are loaded for the whole page at once (issue 14: no N+1 reads). */
describe('GraphQL nested fields of a page of instances', () => {
  let h: Harness;
  let calls: Map<string, number>;
  beforeEach(async () => {
    const counted = counting(await inMemoryEngineApi());
    calls = counted.calls;
    h = await harness(counted.engine);
    await counted.engine.deploy([{ name: 'review.bpmn', xml: review }, { name: 'charge.bpmn', xml: charge }], { allowNonExecutable: false });
    // Alternating, so every page holds instances with a task and instances with an incident.
    for (let i = 0; i < 8; i += 1) {
      await counted.engine.startInstance({ processDefinitionId: i % 2 === 0 ? 'review' : 'charge', variables: {} });
    }
    const jobs = await counted.engine.activateJobs({ type: 'charge-card', worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 10 });
    for (const job of jobs) await counted.engine.failJob(job.jobKey, { retries: 0, errorMessage: 'card declined', retryBackOffMs: 0 });
  });
  afterEach(() => h.close());

  /** The engine calls one page query makes, by method. */
  const callsOfPage = async (limit: number): Promise<{ answer: PageAnswer; calls: Record<string, number> }> => {
    calls.clear();
    const res = await h.app.inject({ method: 'POST', url: '/graphql', payload: { query: pageQuery, variables: { limit } } });
    return { answer: res.json<PageAnswer>(), calls: Object.fromEntries(calls) };
  };

  it('makes the same engine calls for a page of 2 and a page of 8 instances, with each instance its own tasks and incidents', async () => {
    // when
    const small = await callsOfPage(2);
    const large = await callsOfPage(8);
    // then
    expect(large.answer.data.processInstances.items).toHaveLength(8);
    for (const instance of large.answer.data.processInstances.items) {
      const isReview = instance.processDefinitionId === 'review';
      expect(instance.userTasks).toEqual(isReview ? [{ name: 'Review' }] : []);
      expect(instance.incidents).toEqual(isReview ? [] : [{ errorMessage: 'card declined' }]);
      expect(instance.processDefinition).toEqual({ processDefinitionId: instance.processDefinitionId });
    }
    // One read of each of the two definitions, however many instances of them the page holds.
    expect(small.calls).toEqual({ searchInstances: 1, searchUserTasks: 1, searchIncidents: 1, getProcessDefinition: 2 });
    expect(large.calls).toEqual(small.calls);
  });

  it('reads each instance of a task list once, however many of its tasks the list holds', async () => {
    // given: two instances, each with two open tasks
    await h.engine.deploy([{ name: 'pair.bpmn', xml: pair }], { allowNonExecutable: false });
    for (let i = 0; i < 2; i += 1) await h.engine.startInstance({ processDefinitionId: 'pair', variables: {} });
    calls.clear();
    // when
    const query = '{ userTasks(filter: { processDefinitionId: "pair" }) { items { name processInstance { processInstanceKey state } } } }';
    const res = await h.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
    // then
    const items = res.json<{ data: { userTasks: { items: { processInstance: { processInstanceKey: string; state: string } }[] } } }>().data.userTasks.items;
    expect(items).toHaveLength(4);
    expect(new Set(items.map((task) => task.processInstance.processInstanceKey)).size).toBe(2);
    expect(Object.fromEntries(calls)).toEqual({ searchUserTasks: 1, getInstance: 2 });
  });
});
