import { describe, expression, report, type BuildContext } from './context.js';
import type { Mapping, MultiInstanceDefinition } from './definition.js';
import { attr, body, child, children, extension, extensions, flag, type ModdleElement } from './moddle.js';

/** Input and output mappings of an element, Zeebe or Camunda 7 style. */
export function readMappings(ctx: BuildContext, node: ModdleElement): { inputs: Mapping[]; outputs: Mapping[] } {
  const zeebe = extension(node, 'zeebe:IoMapping');
  if (zeebe) {
    return {
      inputs: zeebeMappings(ctx, node, children(zeebe, 'inputParameters'), 'input'),
      outputs: zeebeMappings(ctx, node, children(zeebe, 'outputParameters'), 'output'),
    };
  }
  const camunda = extension(node, 'camunda:InputOutput');
  if (camunda) {
    return {
      inputs: camundaParameters(ctx, node, children(camunda, 'inputParameters'), 'inputParameter'),
      outputs: camundaParameters(ctx, node, children(camunda, 'outputParameters'), 'outputParameter'),
    };
  }
  return { inputs: [], outputs: [] };
}

function zeebeMappings(ctx: BuildContext, node: ModdleElement, parameters: readonly ModdleElement[], kind: string): Mapping[] {
  const mappings: Mapping[] = [];
  for (const parameter of parameters) {
    const target = attr(parameter, 'target');
    if (target === undefined) {
      report(ctx, 'INVALID_EXPRESSION', node.id, `zeebe:${kind} of ${describe(node)} has no target; name the variable it writes`);
      continue;
    }
    const source = attr(parameter, 'source') ?? '=null';
    mappings.push({ source: expression(ctx, node.id ?? '?', `zeebe:${kind} "${target}"`, source), target });
  }
  return mappings;
}

function camundaParameters(ctx: BuildContext, node: ModdleElement, parameters: readonly ModdleElement[], kind: string): Mapping[] {
  const mappings: Mapping[] = [];
  for (const parameter of parameters) {
    const target = attr(parameter, 'name');
    if (target === undefined) {
      report(ctx, 'INVALID_EXPRESSION', node.id, `camunda:${kind} of ${describe(node)} has no name; name the variable it writes`);
      continue;
    }
    const source = camundaValue(ctx, node, kind, target, parameter);
    if (source !== undefined) mappings.push({ source: expression(ctx, node.id ?? '?', `camunda:${kind} "${target}"`, source), target });
  }
  return mappings;
}

/** A Camunda 7 parameter value: text (a literal unless it holds `${`), a list or a map of literals. */
function camundaValue(ctx: BuildContext, node: ModdleElement, kind: string, target: string, parameter: ModdleElement): string | undefined {
  const definition = child(parameter, 'definition');
  if (!definition) return attr(parameter, 'value') ?? '=null';
  const literal = camundaLiteral(definition);
  if (literal === undefined) {
    report(
      ctx,
      'INVALID_EXPRESSION',
      node.id,
      `camunda:${kind} "${target}" of ${describe(node)} is a ${definition.$type} with scripts or expressions inside; Baton runs no scripts in mappings: use one \${...} or =FEEL expression`,
    );
  }
  return literal;
}

/** FEEL for a camunda:list / camunda:map of literal strings, undefined if it holds anything else. */
function camundaLiteral(definition: ModdleElement): string | undefined {
  if (definition.$type === 'camunda:List') {
    const items = children(definition, 'items').map((item) => (item.$type === 'camunda:Value' ? literalItem(attr(item, 'value')) : undefined));
    return items.every((item) => item !== undefined) ? `=[${items.join(', ')}]` : undefined;
  }
  if (definition.$type === 'camunda:Map') {
    const entries = children(definition, 'entries').map((entry) => {
      const value = child(entry, 'definition') ? undefined : literalItem(attr(entry, 'value'));
      return value === undefined ? undefined : `${JSON.stringify(attr(entry, 'key') ?? '')}: ${value}`;
    });
    return entries.every((entry) => entry !== undefined) ? `={${entries.join(', ')}}` : undefined;
  }
  return undefined;
}

function literalItem(text: string | undefined): string | undefined {
  if (text === undefined) return 'null';
  return text.includes('${') ? undefined : JSON.stringify(text);
}

/** Camunda 7 names a variable where Zeebe writes FEEL: `items` → `=items`, `${items}` stays. */
export function variableOrExpression(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed.startsWith('=') || trimmed.includes('${') ? trimmed : `=${trimmed}`;
}

/** `3` → `=3`, so a literal count evaluates to a number, not the string "3". */
function numberOrExpression(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text.trim()) ? `=${text.trim()}` : text;
}

/** The multi-instance marker of an activity; undefined when it has none or it was refused. */
export function readMultiInstance(ctx: BuildContext, node: ModdleElement): MultiInstanceDefinition | undefined {
  const loop = child(node, 'loopCharacteristics');
  if (!loop) return undefined;
  const id = node.id ?? '?';
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    report(ctx, 'UNSUPPORTED_ELEMENT', id, `unsupported element bpmn:standardLoopCharacteristics on ${describe(node)}: Baton does not run standard loops; use a multi-instance marker or a gateway loop`);
    return undefined;
  }
  const zeebe = extension(loop, 'zeebe:LoopCharacteristics');
  const inputCollection = expression(ctx, id, 'inputCollection', attr(zeebe, 'inputCollection') ?? variableOrExpression(attr(loop, 'camunda:collection')));
  const loopCardinality = expression(ctx, id, 'loopCardinality', numberOrExpression(body(child(loop, 'loopCardinality'))));
  const completionCondition = expression(ctx, id, 'completionCondition', body(child(loop, 'completionCondition')));
  const outputElement = expression(ctx, id, 'outputElement', attr(zeebe, 'outputElement'));
  const inputElement = attr(zeebe, 'inputElement') ?? attr(loop, 'camunda:elementVariable');
  const outputCollection = attr(zeebe, 'outputCollection');
  if (inputCollection === undefined && loopCardinality === undefined) {
    report(ctx, 'INVALID_EXPRESSION', id, `multi-instance ${describe(node)} has neither an inputCollection nor a loopCardinality; give it one so Baton knows how many instances to run`);
    return undefined;
  }
  return {
    isSequential: flag(loop, 'isSequential', false),
    ...(inputCollection === undefined ? {} : { inputCollection }),
    ...(inputElement === undefined ? {} : { inputElement }),
    ...(outputCollection === undefined ? {} : { outputCollection }),
    ...(outputElement === undefined ? {} : { outputElement }),
    ...(loopCardinality === undefined ? {} : { loopCardinality }),
    ...(completionCondition === undefined ? {} : { completionCondition }),
  };
}

/** Extension attributes Baton maps into typed fields; everything else lands in `properties`. */
const interpreted = new Set([
  'camunda:type',
  'camunda:topic',
  'camunda:assignee',
  'camunda:candidateUsers',
  'camunda:candidateGroups',
  'camunda:formKey',
  'camunda:dueDate',
  'camunda:followUpDate',
  'camunda:priority',
  'camunda:asyncBefore',
  'camunda:asyncAfter',
  'camunda:async',
]);

const vendorPrefixes = new Set(['bpmn', 'bpmndi', 'di', 'dc', 'zeebe', 'camunda', 'bioc', 'color']);

/** Extension attributes and elements Baton does not interpret, kept for tools. */
export function readProperties(node: ModdleElement, lane: string | undefined): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.$attrs ?? {})) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) properties[key] = value;
  }
  const byName = node.$descriptor?.propertiesByName ?? {};
  for (const name of Object.getOwnPropertyNames(node)) {
    const descriptor = byName[name];
    if (!descriptor?.isAttr || descriptor.isReference) continue;
    const key = `${descriptor.ns.prefix}:${descriptor.ns.localName}`;
    const value = (node as unknown as Record<string, unknown>)[name];
    if ((descriptor.ns.prefix === 'camunda' || descriptor.ns.prefix === 'zeebe') && !interpreted.has(key) && value !== undefined) {
      properties[key] = String(value);
    }
  }
  for (const element of extensions(node)) {
    if (element.$type === 'zeebe:Properties') copyNamed(children(element, 'properties'), properties);
    else if (element.$type === 'camunda:Properties') copyNamed(children(element, 'values'), properties);
    else if (!vendorPrefixes.has(element.$type.slice(0, element.$type.indexOf(':')))) properties[element.$type] = attr(element, '$body') ?? '';
  }
  if (lane !== undefined) properties['bpmn:lane'] = lane;
  return properties;
}

function copyNamed(entries: readonly ModdleElement[], into: Record<string, string>): void {
  for (const entry of entries) {
    const name = attr(entry, 'name');
    if (name !== undefined) into[name] = attr(entry, 'value') ?? '';
  }
}
