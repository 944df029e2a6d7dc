import { checkExpression } from '@baton/feel';
import type { Expression, ModelProblem, ModelProblemCode } from './definition.js';
import type { Flavour, ModdleElement } from './moddle.js';

/** What mapping one process needs: where problems go and which vendor dialect applies. */
export interface BuildContext {
  readonly processId: string;
  readonly flavour: Flavour;
  readonly problems: ModelProblem[];
  /** `zeebe:userTaskForm` bodies of the process, by form id. */
  readonly userTaskForms: ReadonlyMap<string, string>;
}

/** Records an error-severity problem. */
export function report(ctx: BuildContext, code: ModelProblemCode, elementId: string | undefined, message: string): void {
  ctx.problems.push(problem(code, elementId, ctx.processId, message, 'error'));
}

/** Records a warning: the model still deploys. */
export function warn(ctx: BuildContext, code: ModelProblemCode, elementId: string | undefined, message: string): void {
  ctx.problems.push(problem(code, elementId, ctx.processId, message, 'warning'));
}

export function problem(
  code: ModelProblemCode,
  elementId: string | undefined,
  processId: string | undefined,
  message: string,
  severity: 'error' | 'warning',
): ModelProblem {
  return {
    code,
    ...(elementId === undefined ? {} : { elementId }),
    ...(processId === undefined ? {} : { processId }),
    message,
    severity,
  };
}

/**
 * Returns the expression unchanged after a deploy-time syntax check; a bad one is
 * reported as INVALID_EXPRESSION naming the element and the field.
 */
export function expression(ctx: BuildContext, elementId: string, field: string, text: string): Expression;
export function expression(ctx: BuildContext, elementId: string, field: string, text: string | undefined): Expression | undefined;
export function expression(ctx: BuildContext, elementId: string, field: string, text: string | undefined): Expression | undefined {
  if (text === undefined) return undefined;
  const normalized = undeferred(text);
  const error = checkExpression(normalized);
  if (error !== undefined) {
    report(ctx, 'INVALID_EXPRESSION', elementId, `${field} of "${elementId}" is not a valid expression (${text}): ${error}; fix the expression`);
  }
  return normalized;
}

/** Camunda 7 evaluates `#{x}` exactly like `${x}` (JUEL deferred syntax); Baton knows the `${}` form. */
function undeferred(text: string): string {
  return /^\s*#\{[\s\S]*\}\s*$/.test(text) && !text.includes('${') ? text.replace('#{', '${') : text;
}

/** A moddle type as the XML spells it: `bpmn:ComplexGateway` → `bpmn:complexGateway`. */
export function xmlName(type: string): string {
  const colon = type.indexOf(':');
  const local = type.slice(colon + 1);
  return `${type.slice(0, colon + 1)}${local.charAt(0).toLowerCase()}${local.slice(1)}`;
}

/** How a message names an element: `bpmn:complexGateway "G2"`. */
export function describe(element: ModdleElement): string {
  return `${xmlName(element.$type)} "${element.id ?? '?'}"`;
}

/** Quotes an element for a message: `"Wait" (Timer_1)` when named, else `"Timer_1"`. */
export function label(element: ModdleElement): string {
  const name = typeof element.get === 'function' ? element.get('name') : undefined;
  const id = element.id ?? '?';
  const text = typeof name === 'string' ? name.replace(/\s+/g, ' ').trim() : '';
  return text !== '' && text !== id ? `"${text}" (${id})` : `"${id}"`;
}
