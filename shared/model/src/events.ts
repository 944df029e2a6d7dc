import { describe, expression, label, report, type BuildContext } from './context.js';
import type { EventDefinition } from './definition.js';
import { readConditional, refuseConditionalStart } from './conditional-event.js';
import { attr, body, child, children, extension, type ModdleElement } from './moddle.js';

/** Where an event sits; decides which event definitions BPMN allows on it. */
export type EventPosition = 'processStart' | 'subprocessStart' | 'eventSubprocessStart' | 'end' | 'catch' | 'throw' | 'boundary';

/** No definition (a none event), one definition, or refused (a problem was reported). */
export type EventRead = { readonly kind: 'none' } | { readonly kind: 'event'; readonly event: EventDefinition } | { readonly kind: 'refused' };

type DefinitionType = EventDefinition['type'];

const allowed: Readonly<Record<EventPosition, readonly DefinitionType[]>> = {
  processStart: ['message', 'timer', 'signal'],
  subprocessStart: [],
  eventSubprocessStart: ['message', 'timer', 'signal', 'error', 'escalation', 'conditional', 'compensation'],
  end: ['message', 'signal', 'error', 'escalation', 'terminate', 'compensation', 'cancel'],
  catch: ['message', 'timer', 'signal', 'link', 'conditional'],
  throw: ['message', 'signal', 'escalation', 'link', 'compensation'],
  boundary: ['message', 'timer', 'signal', 'error', 'escalation', 'conditional', 'compensation', 'cancel'],
};

const positionWords: Readonly<Record<EventPosition, string>> = {
  processStart: 'a process start event',
  subprocessStart: 'the start event of an embedded subprocess (use a none start event)',
  eventSubprocessStart: 'an event subprocess start event',
  end: 'an end event',
  catch: 'an intermediate catch event',
  throw: 'an intermediate throw event',
  boundary: 'a boundary event',
};

/** Reads the event definition of `node` and checks it fits `position`. */
export function readEvent(ctx: BuildContext, node: ModdleElement, position: EventPosition): EventRead {
  const definitions = [...children(node, 'eventDefinitions'), ...children(node, 'eventDefinitionRef')];
  const id = node.id ?? '?';
  if (definitions.length === 0) return { kind: 'none' };
  if (definitions.length > 1) {
    report(ctx, 'UNSUPPORTED_ELEMENT', id, `${describe(node)} has ${definitions.length} event definitions (a multiple event); Baton supports one per event: split it into separate events`);
    return { kind: 'refused' };
  }
  const definition = definitions[0] as ModdleElement;
  const event = mapDefinition(ctx, node, definition, position);
  if (!event) return { kind: 'refused' };
  if (!allowed[position].includes(event.type)) {
    report(ctx, 'UNSUPPORTED_ELEMENT', id, `a ${event.type} event definition is not allowed on ${positionWords[position]}: ${describe(node)}; change the event type`);
    return { kind: 'refused' };
  }
  return { kind: 'event', event };
}

function mapDefinition(ctx: BuildContext, node: ModdleElement, definition: ModdleElement, position: EventPosition): EventDefinition | undefined {
  switch (definition.$type) {
    case 'bpmn:TimerEventDefinition':
      return timer(ctx, node, definition);
    case 'bpmn:MessageEventDefinition':
      return message(ctx, node, child(definition, 'messageRef'), position);
    case 'bpmn:SignalEventDefinition':
      return signal(ctx, node, definition);
    case 'bpmn:ErrorEventDefinition':
      return error(ctx, node, definition, position);
    case 'bpmn:EscalationEventDefinition':
      return escalation(ctx, node, definition, position);
    case 'bpmn:TerminateEventDefinition':
      return { type: 'terminate' };
    case 'bpmn:LinkEventDefinition':
      return link(ctx, node, definition);
    case 'bpmn:ConditionalEventDefinition':
      return position === 'processStart' ? refuseConditionalStart(ctx, node) : readConditional(ctx, node, definition);
    case 'bpmn:CompensateEventDefinition':
      return compensation(definition, position);
    case 'bpmn:CancelEventDefinition':
      return { type: 'cancel' };
    default:
      report(ctx, 'UNSUPPORTED_ELEMENT', node.id, `unsupported event definition ${definition.$type} on ${describe(node)}; use a message, timer, signal, error, escalation, link, conditional, terminate, compensation or cancel event`);
      return undefined;
  }
}

function timer(ctx: BuildContext, node: ModdleElement, definition: ModdleElement): EventDefinition | undefined {
  const id = node.id ?? '?';
  const timeDuration = expression(ctx, id, 'timeDuration', body(child(definition, 'timeDuration')));
  const timeDate = expression(ctx, id, 'timeDate', body(child(definition, 'timeDate')));
  const timeCycle = expression(ctx, id, 'timeCycle', body(child(definition, 'timeCycle')));
  if (timeDuration === undefined && timeDate === undefined && timeCycle === undefined) {
    report(ctx, 'MISSING_EVENT_DETAIL', id, `timer ${label(node)} has no timeDuration, timeDate or timeCycle; give it one (e.g. timeDuration PT5M)`);
    return undefined;
  }
  return {
    type: 'timer',
    ...(timeDuration === undefined ? {} : { timeDuration }),
    ...(timeDate === undefined ? {} : { timeDate }),
    ...(timeCycle === undefined ? {} : { timeCycle }),
  };
}

/** A message reference resolved to its name and (Zeebe) correlation key; shared with receive tasks. */
export function readMessage(
  ctx: BuildContext,
  node: ModdleElement,
  messageRef: ModdleElement | undefined,
  what = 'message event',
): { readonly messageName: string; readonly correlationKey?: string } | undefined {
  const id = node.id ?? '?';
  const name = attr(messageRef, 'name');
  if (!messageRef || name === undefined) {
    const why = messageRef ? `message "${messageRef.id ?? '?'}" has no name` : 'it references no message';
    report(ctx, 'MISSING_EVENT_DETAIL', id, `${what} ${label(node)} has no message name: ${why}; reference a <bpmn:message> with a name`);
    return undefined;
  }
  const messageName = expression(ctx, id, 'message name', name);
  const correlationKey = expression(ctx, id, 'correlationKey', attr(extension(messageRef, 'zeebe:Subscription'), 'correlationKey'));
  return { messageName, ...(correlationKey === undefined ? {} : { correlationKey }) };
}

/**
 * A message throw is a job (the worker sends the message), so like Zeebe it needs
 * no message name: without one it maps to `{ type: 'message', messageName: '' }`.
 */
function message(ctx: BuildContext, node: ModdleElement, messageRef: ModdleElement | undefined, position: EventPosition): EventDefinition | undefined {
  if (isThrowing(position) && attr(messageRef, 'name') === undefined) return { type: 'message', messageName: '' };
  const read = readMessage(ctx, node, messageRef);
  return read ? { type: 'message', ...read } : undefined;
}

function signal(ctx: BuildContext, node: ModdleElement, definition: ModdleElement): EventDefinition | undefined {
  const signalRef = child(definition, 'signalRef');
  const name = attr(signalRef, 'name');
  if (name === undefined) {
    const why = signalRef ? `signal "${signalRef.id ?? '?'}" has no name` : 'it references no signal';
    report(ctx, 'MISSING_EVENT_DETAIL', node.id, `signal event ${label(node)} has no signal name: ${why}; reference a <bpmn:signal> with a name`);
    return undefined;
  }
  return { type: 'signal', signalName: expression(ctx, node.id ?? '?', 'signal name', name) };
}

function isThrowing(position: EventPosition): boolean {
  return position === 'end' || position === 'throw';
}

function error(ctx: BuildContext, node: ModdleElement, definition: ModdleElement, position: EventPosition): EventDefinition | undefined {
  const errorCode = attr(child(definition, 'errorRef'), 'errorCode');
  if (errorCode === undefined && isThrowing(position)) {
    report(ctx, 'MISSING_EVENT_DETAIL', node.id, `error end event ${label(node)} throws no error code; reference a <bpmn:error> with an errorCode`);
    return undefined;
  }
  const errorCodeVariable = attr(definition, 'camunda:errorCodeVariable');
  const errorMessageVariable = attr(definition, 'camunda:errorMessageVariable');
  return {
    type: 'error',
    ...(errorCode === undefined ? {} : { errorCode }),
    ...(errorCodeVariable === undefined ? {} : { errorCodeVariable }),
    ...(errorMessageVariable === undefined ? {} : { errorMessageVariable }),
  };
}

function escalation(ctx: BuildContext, node: ModdleElement, definition: ModdleElement, position: EventPosition): EventDefinition | undefined {
  const escalationCode = attr(child(definition, 'escalationRef'), 'escalationCode');
  if (escalationCode === undefined && isThrowing(position)) {
    report(ctx, 'MISSING_EVENT_DETAIL', node.id, `escalation event ${label(node)} throws no escalation code; reference a <bpmn:escalation> with an escalationCode`);
    return undefined;
  }
  return { type: 'escalation', ...(escalationCode === undefined ? {} : { escalationCode }) };
}

function link(ctx: BuildContext, node: ModdleElement, definition: ModdleElement): EventDefinition | undefined {
  const linkName = attr(definition, 'name');
  if (linkName === undefined) {
    report(ctx, 'MISSING_EVENT_DETAIL', node.id, `link event ${label(node)} has no link name; name the link so throw and catch match`);
    return undefined;
  }
  return { type: 'link', linkName };
}

/** A compensation throw names the activity to compensate (`activityRef`), or none: everything completed in its scope. */
function compensation(definition: ModdleElement, position: EventPosition): EventDefinition {
  const activityRef = isThrowing(position) ? child(definition, 'activityRef')?.id : undefined;
  return { type: 'compensation', ...(activityRef === undefined ? {} : { activityRef }) };
}
