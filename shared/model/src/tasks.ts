import { expression, label, report, type BuildContext } from './context.js';
import type { CalledDecision, FormField, JobDefinition, Mapping, UserTaskDefinition } from './definition.js';
import { attr, body, child, children, extension, extensionsOf, flag, type ModdleElement } from './moddle.js';

/**
 * The job of a service-like element: type from `zeebe:taskDefinition`, else the
 * `camunda:topic` of an external task (on `implementation`, the message event
 * definition for Camunda 7 message events), else the element id.
 */
export function readJob(ctx: BuildContext, node: ModdleElement, implementation: ModdleElement = node, extraHeaders: Record<string, string> = {}): JobDefinition {
  const id = node.id ?? '?';
  const taskDefinition = extension(node, 'zeebe:TaskDefinition');
  const external = attr(implementation, 'camunda:type') === 'external' ? attr(implementation, 'camunda:topic') : undefined;
  const type = expression(ctx, id, 'job type', attr(taskDefinition, 'type') ?? external ?? id);
  const retries = expression(ctx, id, 'job retries', attr(taskDefinition, 'retries') ?? '3');
  const headers: Record<string, string> = { ...extraHeaders };
  for (const headerList of extensionsOf(node, 'zeebe:TaskHeaders')) {
    for (const header of children(headerList, 'values')) {
      const key = attr(header, 'key');
      if (key !== undefined) headers[key] = attr(header, 'value') ?? '';
    }
  }
  return { type, retries, headers };
}

/** The decision a business rule task calls, or undefined when it is a job (no decision, or a `zeebe:taskDefinition`). */
export function readDecision(ctx: BuildContext, node: ModdleElement): CalledDecision | undefined {
  const id = node.id ?? '?';
  const zeebe = extension(node, 'zeebe:CalledDecision');
  if (extension(node, 'zeebe:TaskDefinition')) return undefined;
  if (zeebe) {
    const decisionId = attr(zeebe, 'decisionId');
    const resultVariable = attr(zeebe, 'resultVariable');
    if (decisionId === undefined || resultVariable === undefined) {
      report(ctx, 'MISSING_REFERENCE', id, `business rule task ${label(node)} has zeebe:calledDecision without ${decisionId === undefined ? 'decisionId' : 'resultVariable'}; set both`);
      return undefined;
    }
    return { decisionId: expression(ctx, id, 'decisionId', decisionId), resultVariable };
  }
  const decisionRef = attr(node, 'camunda:decisionRef');
  if (decisionRef === undefined) return undefined;
  const mapping = attr(node, 'camunda:mapDecisionResult') ?? 'resultList';
  if (!isDecisionResultMapping(mapping)) {
    report(ctx, 'INVALID_EXPRESSION', id, `business rule task ${label(node)} has camunda:mapDecisionResult="${mapping}"; use singleEntry, singleResult, collectEntries or resultList`);
    return undefined;
  }
  const resultVariable = attr(node, 'camunda:resultVariable');
  return { decisionId: expression(ctx, id, 'decisionRef', decisionRef), ...(resultVariable === undefined ? {} : { resultVariable }), mapDecisionResult: mapping };
}

const decisionResultMappings = ['singleEntry', 'singleResult', 'collectEntries', 'resultList'] as const;

function isDecisionResultMapping(text: string): text is NonNullable<CalledDecision['mapDecisionResult']> {
  return (decisionResultMappings as readonly string[]).includes(text);
}

/** Script task: FEEL (`zeebe:script`, scriptFormat feel) runs in the core, any other format is a job `script:<format>`. */
export function readScript(
  ctx: BuildContext,
  node: ModdleElement,
): { script?: { expression: string; resultVariable?: string }; job?: JobDefinition } {
  const id = node.id ?? '?';
  const zeebeScript = extension(node, 'zeebe:Script');
  const resultVariable = attr(zeebeScript, 'resultVariable') ?? attr(node, 'camunda:resultVariable');
  const withResult = resultVariable === undefined ? {} : { resultVariable };
  const zeebeExpression = attr(zeebeScript, 'expression');
  if (zeebeExpression !== undefined) return { script: { expression: expression(ctx, id, 'script expression', zeebeExpression), ...withResult } };
  if (extension(node, 'zeebe:TaskDefinition')) return { job: readJob(ctx, node) };
  const format = attr(node, 'scriptFormat')?.trim().toLowerCase();
  const text = body(child(node, 'script')) ?? attr(node, 'script');
  if (format === 'feel' && text !== undefined) {
    const feel = text.trimStart().startsWith('=') ? text : `=${text}`;
    return { script: { expression: expression(ctx, id, 'script', feel), ...withResult } };
  }
  const headers: Record<string, string> = {};
  if (text !== undefined) headers['script'] = text;
  const resource = attr(node, 'camunda:resource');
  if (resource !== undefined) headers['resource'] = resource;
  if (resultVariable !== undefined) headers['resultVariable'] = resultVariable;
  const job = readJob(ctx, node, node, headers);
  return { job: format === undefined ? job : { ...job, type: `script:${format}` } };
}

/** Assignment, schedule, priority and form of a user task, Zeebe or Camunda 7 style. */
export function readUserTask(ctx: BuildContext, node: ModdleElement): UserTaskDefinition {
  const id = node.id ?? '?';
  const assignment = extension(node, 'zeebe:AssignmentDefinition');
  const schedule = extension(node, 'zeebe:TaskSchedule');
  const pick = (field: string, zeebe: ModdleElement | undefined): Record<string, string> => {
    const text = expression(ctx, id, field, attr(zeebe, field) ?? attr(node, `camunda:${field}`));
    return text === undefined ? {} : { [field]: text };
  };
  const formKey = readFormKey(node);
  const formId = attr(extension(node, 'zeebe:FormDefinition'), 'formId');
  const formJson = formKey === undefined ? undefined : ctx.userTaskForms.get(formKey.replace(/^camunda-forms:bpmn:/, ''));
  return {
    ...pick('assignee', assignment),
    ...pick('candidateUsers', assignment),
    ...pick('candidateGroups', assignment),
    ...pick('dueDate', schedule),
    ...pick('followUpDate', schedule),
    ...pick('priority', extension(node, 'zeebe:PriorityDefinition')),
    ...(formKey === undefined ? {} : { formKey }),
    ...(formId === undefined ? {} : { formId }),
    ...(formJson === undefined ? {} : { formJson }),
    formFields: readFormFields(node),
  };
}

function readFormKey(node: ModdleElement): string | undefined {
  const form = extension(node, 'zeebe:FormDefinition');
  return attr(form, 'formKey') ?? attr(form, 'formId') ?? attr(form, 'externalReference') ?? attr(node, 'camunda:formKey');
}

function readFormFields(node: ModdleElement): FormField[] {
  const fields: FormField[] = [];
  for (const formData of extensionsOf(node, 'camunda:FormData')) {
    for (const field of children(formData, 'fields')) {
      const id = attr(field, 'id');
      if (id === undefined) continue;
      const label = attr(field, 'label');
      const defaultValue = attr(field, 'defaultValue');
      const values = children(field, 'values').map((value) => {
        const name = attr(value, 'name');
        return { id: attr(value, 'id') ?? '', ...(name === undefined ? {} : { name }) };
      });
      const validation = children(child(field, 'validation'), 'constraints').map((constraint) => {
        const config = attr(constraint, 'config');
        return { name: attr(constraint, 'name') ?? '', ...(config === undefined ? {} : { config }) };
      });
      fields.push({
        id,
        type: attr(field, 'type') ?? 'string',
        ...(label === undefined ? {} : { label }),
        ...(defaultValue === undefined ? {} : { defaultValue }),
        ...(values.length === 0 ? {} : { values }),
        ...(validation.length === 0 ? {} : { validation }),
      });
    }
  }
  return fields;
}

/** The called process and variable propagation of a call activity; undefined (reported) without a called process. */
export function readCallActivity(
  ctx: BuildContext,
  node: ModdleElement,
): { calledElement: string; propagateAllParentVariables: boolean; propagateAllChildVariables: boolean; inputs: Mapping[]; outputs: Mapping[] } | undefined {
  const id = node.id ?? '?';
  const zeebe = extension(node, 'zeebe:CalledElement');
  const called = attr(zeebe, 'processId') ?? attr(zeebe, 'processIdExpression') ?? attr(node, 'calledElement');
  if (called === undefined) {
    report(ctx, 'MISSING_REFERENCE', id, `call activity ${label(node)} names no process to call; set zeebe:calledElement processId or calledElement`);
    return undefined;
  }
  const calledElement = expression(ctx, id, 'calledElement', called);
  if (zeebe || ctx.flavour !== 'camunda') {
    return {
      calledElement,
      propagateAllParentVariables: flag(zeebe, 'propagateAllParentVariables', true),
      propagateAllChildVariables: flag(zeebe, 'propagateAllChildVariables', true),
      inputs: [],
      outputs: [],
    };
  }
  const ins = camundaVariables(ctx, node, 'camunda:In');
  const outs = camundaVariables(ctx, node, 'camunda:Out');
  return { calledElement, propagateAllParentVariables: ins.all, propagateAllChildVariables: outs.all, inputs: ins.mappings, outputs: outs.mappings };
}

/** `camunda:in` / `camunda:out`: `variables="all"`, or source/sourceExpression → target. */
function camundaVariables(ctx: BuildContext, node: ModdleElement, type: string): { all: boolean; mappings: Mapping[] } {
  let all = false;
  const mappings: Mapping[] = [];
  for (const entry of extensionsOf(node, type)) {
    if (attr(entry, 'variables') === 'all') all = true;
    const target = attr(entry, 'target');
    const sourceExpression = attr(entry, 'sourceExpression');
    const source = sourceExpression ?? (attr(entry, 'source') === undefined ? undefined : `=${attr(entry, 'source') ?? ''}`);
    if (target !== undefined && source !== undefined) {
      mappings.push({ source: expression(ctx, node.id ?? '?', `${type.toLowerCase()} "${target}"`, source), target });
    }
  }
  return { all, mappings };
}
