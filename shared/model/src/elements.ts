import { describe, label, report, type BuildContext } from './context.js';
import { readAsyncContinuation } from './async-continuation.js';
import type { AsyncContinuation, EventDefinition, FlowElement, JobDefinition, Mapping, Swimlane } from './definition.js';
import type { LaneOf } from './lanes.js';
import type { DraftElement, DraftScope } from './draft.js';
import { readEvent, readMessage, type EventPosition, type EventRead } from './events.js';
import { readMappings, readMultiInstance, readProperties } from './io.js';
import { attr, child, children, flag, type ModdleElement } from './moddle.js';
import { readCallActivity, readJob, readScript, readUserTask, readDecision } from './tasks.js';

/** Flow-node types Baton refuses, with what to do instead. */
const unsupportedNodes: Readonly<Record<string, string>> = {
  'bpmn:ComplexGateway': 'use exclusive, inclusive or parallel gateways',
  'bpmn:AdHocSubProcess': 'model the order explicitly with gateways',
  'bpmn:ImplicitThrowEvent': 'use an intermediate throw event',
  'bpmn:ChoreographyTask': 'choreographies are not executable',
  'bpmn:SubChoreography': 'choreographies are not executable',
  'bpmn:CallChoreography': 'choreographies are not executable',
};

/** Flow elements that carry data, not flow: kept out of the definition without a problem. */
export const ignoredTypes = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

/** Everything a mapped element shares, taken from its node. */
interface Common {
  elementId: string;
  name?: string;
  scopeId: string;
  incoming: string[];
  outgoing: string[];
  inputs: readonly Mapping[];
  outputs: readonly Mapping[];
  boundaryEventIds: string[];
  multiInstance?: NonNullable<FlowElement['multiInstance']>;
  async?: AsyncContinuation;
  swimlane?: Swimlane;
  properties: Record<string, string>;
  isForCompensation?: true;
}

function common(ctx: BuildContext, node: ModdleElement, scopeId: string, lane: LaneOf | undefined): Common {
  const name = attr(node, 'name');
  const { inputs, outputs } = readMappings(ctx, node);
  const multiInstance = readMultiInstance(ctx, node);
  const async = readAsyncContinuation(node);
  return {
    elementId: node.id ?? '',
    ...(name === undefined ? {} : { name }),
    scopeId,
    incoming: [],
    outgoing: [],
    inputs,
    outputs,
    boundaryEventIds: [],
    ...(multiInstance === undefined ? {} : { multiInstance }),
    ...(async === undefined ? {} : { async }),
    ...(lane?.swimlane === undefined ? {} : { swimlane: lane.swimlane }),
    properties: readProperties(node, lane?.name),
  };
}

/**
 * Maps one flow node of `scope` to a draft element; undefined when the node is
 * refused (a problem was reported) or carries no flow.
 */
export function mapNode(ctx: BuildContext, node: ModdleElement, scope: DraftScope, lane: LaneOf | undefined): DraftElement | undefined {
  const refusal = unsupportedNodes[node.$type];
  if (refusal !== undefined) {
    report(ctx, 'UNSUPPORTED_ELEMENT', node.id, `unsupported element ${describe(node)}: ${refusal}`);
    return undefined;
  }
  const base = common(ctx, node, scope.scopeId, lane);
  if (flag(node, 'isForCompensation', false)) base.isForCompensation = true;
  const element = mapEvent(ctx, node, scope, base) ?? mapActivity(ctx, node, base) ?? mapGateway(ctx, node, base);
  if (element === 'unknown') {
    report(ctx, 'UNSUPPORTED_ELEMENT', node.id, `unsupported element ${describe(node)}: Baton does not know this element; remove it or replace it with a task`);
    return undefined;
  }
  return element === 'refused' ? undefined : (element as DraftElement);
}

type Mapped = FlowElement | 'refused' | 'unknown' | undefined;

function startPosition(scope: DraftScope): EventPosition {
  if (scope.isEventSubprocess) return 'eventSubprocessStart';
  return scope.parentScopeId === undefined ? 'processStart' : 'subprocessStart';
}

function eventOf(read: EventRead): EventDefinition | undefined {
  return read.kind === 'event' ? read.event : undefined;
}

/** Message throws are jobs (`zeebe:taskDefinition`, `camunda:topic` on the definition, or the element id). */
function messageJob(ctx: BuildContext, node: ModdleElement, event: EventDefinition | undefined): { job?: JobDefinition } {
  if (event?.type !== 'message') return {};
  const definition = children(node, 'eventDefinitions')[0];
  return { job: readJob(ctx, node, definition) };
}

function mapEvent(ctx: BuildContext, node: ModdleElement, scope: DraftScope, base: Common): Mapped {
  switch (node.$type) {
    case 'bpmn:StartEvent': {
      const read = readEvent(ctx, node, startPosition(scope));
      if (read.kind === 'none' && scope.isEventSubprocess) return requireEvent(ctx, node, 'the start event of an event subprocess');
      if (read.kind === 'refused') return 'refused';
      const event = eventOf(read);
      return { ...base, type: 'startEvent', ...(event ? { event } : {}), isInterrupting: flag(node, 'isInterrupting', true) };
    }
    case 'bpmn:EndEvent':
    case 'bpmn:IntermediateThrowEvent': {
      const read = readEvent(ctx, node, node.$type === 'bpmn:EndEvent' ? 'end' : 'throw');
      if (read.kind === 'refused') return 'refused';
      const event = eventOf(read);
      const type = node.$type === 'bpmn:EndEvent' ? 'endEvent' : 'intermediateThrowEvent';
      return { ...base, type, ...(event ? { event } : {}), ...messageJob(ctx, node, event) };
    }
    case 'bpmn:IntermediateCatchEvent': {
      const read = readEvent(ctx, node, 'catch');
      if (read.kind === 'none') return requireEvent(ctx, node, 'an intermediate catch event');
      return read.kind === 'event' ? { ...base, type: 'intermediateCatchEvent', event: read.event } : 'refused';
    }
    case 'bpmn:BoundaryEvent': {
      const read = readEvent(ctx, node, 'boundary');
      if (read.kind === 'none') return requireEvent(ctx, node, 'a boundary event');
      if (read.kind === 'refused') return 'refused';
      const attachedToId = child(node, 'attachedToRef')?.id ?? '';
      return { ...base, type: 'boundaryEvent', attachedToId, cancelActivity: flag(node, 'cancelActivity', true), event: read.event };
    }
    default:
      return undefined;
  }
}

function requireEvent(ctx: BuildContext, node: ModdleElement, what: string): 'refused' {
  report(ctx, 'MISSING_EVENT_DETAIL', node.id, `${what} ${label(node)} has no event definition; give it a message, timer or signal definition`);
  return 'refused';
}

function mapActivity(ctx: BuildContext, node: ModdleElement, base: Common): Mapped {
  switch (node.$type) {
    case 'bpmn:ServiceTask':
      return { ...base, type: 'serviceTask', job: readJob(ctx, node) };
    case 'bpmn:SendTask':
      return { ...base, type: 'sendTask', job: readJob(ctx, node) };
    case 'bpmn:BusinessRuleTask':
    {
      const decision = readDecision(ctx, node);
      return decision === undefined ? { ...base, type: 'businessRuleTask', job: readJob(ctx, node) } : { ...base, type: 'businessRuleTask', decision };
    }
    case 'bpmn:ScriptTask':
      return { ...base, type: 'scriptTask', ...readScript(ctx, node) };
    case 'bpmn:UserTask':
      return { ...base, type: 'userTask', userTask: readUserTask(ctx, node) };
    case 'bpmn:ReceiveTask': {
      const message = readMessage(ctx, node, child(node, 'messageRef'), 'receive task');
      return message ? { ...base, type: 'receiveTask', message } : 'refused';
    }
    case 'bpmn:ManualTask':
      return { ...base, type: 'manualTask' };
    case 'bpmn:Task':
      return { ...base, type: 'task' };
    case 'bpmn:SubProcess':
      return { ...base, type: 'subProcess', triggeredByEvent: flag(node, 'triggeredByEvent', false) };
    case 'bpmn:Transaction':
      return { ...base, type: 'subProcess', triggeredByEvent: false, isTransaction: true };
    case 'bpmn:CallActivity': {
      const call = readCallActivity(ctx, node);
      if (!call) return 'refused';
      const { inputs, outputs, ...rest } = call;
      return { ...base, type: 'callActivity', ...rest, inputs: [...base.inputs, ...inputs], outputs: [...base.outputs, ...outputs] };
    }
    default:
      return undefined;
  }
}

function mapGateway(ctx: BuildContext, node: ModdleElement, base: Common): Mapped {
  switch (node.$type) {
    case 'bpmn:ExclusiveGateway':
    case 'bpmn:InclusiveGateway': {
      const defaultFlowId = child(node, 'default')?.id;
      const type = node.$type === 'bpmn:ExclusiveGateway' ? 'exclusiveGateway' : 'inclusiveGateway';
      return { ...base, type, ...(defaultFlowId === undefined ? {} : { defaultFlowId }) };
    }
    case 'bpmn:ParallelGateway':
      return { ...base, type: 'parallelGateway' };
    case 'bpmn:EventBasedGateway':
      if (flag(node, 'instantiate', false)) {
        report(ctx, 'UNSUPPORTED_ELEMENT', node.id, `unsupported element ${describe(node)} with instantiate="true": start the process with message or timer start events instead`);
        return 'refused';
      }
      return { ...base, type: 'eventBasedGateway' };
    default:
      return 'unknown';
  }
}
