import type { FlowElement, FlowElementType } from '@baton/model';
import type { ElementBehavior, ElementOf } from './behavior.js';
import type { ElementRecord } from '../state/records.js';
import { callActivity } from './containers/call-activity.js';
import { multiInstanceBody } from './containers/multi-instance.js';
import { subProcess } from './containers/sub-process.js';
import { endEvent } from './events/end-event.js';
import { intermediateCatchEvent } from './events/intermediate-catch-event.js';
import { intermediateThrowEvent } from './events/intermediate-throw-event.js';
import { eventBasedGateway } from './gateways/event-based-gateway.js';
import { exclusiveGateway } from './gateways/exclusive-gateway.js';
import { inclusiveGateway } from './gateways/inclusive-gateway.js';
import { parallelGateway } from './gateways/parallel-gateway.js';
import { businessRuleTask } from './tasks/business-rule-task.js';
import { jobTask } from './tasks/job-task.js';
import { passThrough } from './tasks/pass-through.js';
import { receiveTask } from './tasks/receive-task.js';
import { scriptTask } from './tasks/script-task.js';
import { userTask } from './tasks/user-task.js';

type Registry = { readonly [T in FlowElementType]: ElementBehavior<ElementOf<T>> };

/** The behaviour of each element type. Boundary events are never activated on their own: triggers complete them. */
const behaviors: Registry = {
  startEvent: passThrough,
  endEvent,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent: passThrough,
  serviceTask: jobTask,
  sendTask: jobTask,
  businessRuleTask,
  scriptTask,
  userTask,
  receiveTask,
  manualTask: passThrough,
  task: passThrough,
  exclusiveGateway,
  inclusiveGateway,
  parallelGateway,
  eventBasedGateway,
  subProcess,
  callActivity,
};

/** The lifecycle of an element instance: a multi-instance body's, else its element type's. */
export function behaviorOf(element: FlowElement, rec: ElementRecord): ElementBehavior {
  if (rec.isMultiInstanceBody === true) return multiInstanceBody;
  return behaviors[element.type] as ElementBehavior;
}
