import { readConditionExpression } from './condition.js';
import { describe, label, report, type BuildContext } from './context.js';
import type { ConditionalEventDefinition } from './definition.js';
import { attr, child, extension, type ModdleElement } from './moddle.js';

const variableEventNames = new Set(['create', 'update']);

function list(text: string | undefined): string[] {
  return (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * A conditional event definition: its `bpmn:condition` (FEEL or JUEL) and the
 * optional filter of the variable changes that re-evaluate it — `zeebe:conditionalFilter
 * variableNames variableEvents`, or Camunda 7's `camunda:variableName` / `camunda:variableEvents`
 * (`delete` never fires: Baton deletes no variables).
 */
export function readConditional(ctx: BuildContext, node: ModdleElement, definition: ModdleElement): ConditionalEventDefinition | undefined {
  const id = node.id ?? '?';
  const conditionNode = child(definition, 'condition');
  const text = conditionNode === undefined ? undefined : readConditionExpression(ctx, id, `condition of conditional event ${label(node)}`, conditionNode);
  if (text === undefined || text.trim() === '') {
    report(ctx, 'MISSING_EVENT_DETAIL', id, `conditional event ${label(node)} has no condition; give it one (e.g. =x > 10 or \${x > 10})`);
    return undefined;
  }
  const filter = extension(definition, 'zeebe:ConditionalFilter');
  const variableNames = list(attr(filter, 'variableNames') ?? attr(definition, 'camunda:variableName'));
  const events = list(attr(filter, 'variableEvents') ?? attr(definition, 'camunda:variableEvents')).map((e) => e.toLowerCase());
  const variableEvents = events.filter((e): e is 'create' | 'update' => variableEventNames.has(e));
  return {
    type: 'conditional',
    condition: text.trim(),
    ...(variableNames.length === 0 ? {} : { variableNames }),
    ...(events.length === 0 ? {} : { variableEvents }),
  };
}

/** A process-level conditional start event needs someone to evaluate it outside any instance; Baton has no such API. */
export function refuseConditionalStart(ctx: BuildContext, node: ModdleElement): undefined {
  report(
    ctx,
    'UNSUPPORTED_ELEMENT',
    node.id,
    `${describe(node)} is a conditional start event of the process; Baton starts instances by none, message, timer or signal start events: use one of those, or put the conditional start event in an event subprocess`,
  );
  return undefined;
}
