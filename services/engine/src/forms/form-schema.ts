import { BatonError, type Problem } from '@baton/errors';
import type { FormFieldView, UserTaskForm, Variables } from '../engine-api.js';

/** A form-js component, as far as Baton reads and writes it. */
export interface FormComponent {
  readonly type: string;
  readonly key?: string;
  readonly label?: string;
  readonly text?: string;
  readonly defaultValue?: unknown;
  readonly readonly?: boolean;
  readonly subtype?: string;
  readonly values?: readonly { readonly label: string; readonly value: string }[];
  readonly validate?: FormValidation;
  readonly components?: readonly FormComponent[];
  readonly [field: string]: unknown;
}

export interface FormValidation {
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

/** A form-js schema (Camunda Forms). */
export interface FormSchema {
  readonly type: 'default';
  readonly id: string;
  readonly schemaVersion: number;
  readonly components: readonly FormComponent[];
}

/** Where a task's form came from: the model's form-js JSON, its `camunda:formField`s, or its variables. */
export type FormSource = 'form' | 'formFields' | 'variables';

const schemaVersion = 16;

const componentTypes: Readonly<Record<string, string>> = { string: 'textfield', long: 'number', integer: 'number', double: 'number', boolean: 'checkbox', date: 'datetime', enum: 'select' };

function validationOf(field: FormFieldView): { validate: FormValidation; readonly: boolean } {
  const validate: Record<string, number | boolean> = {};
  let isReadonly = false;
  for (const { name, config } of field.validation ?? []) {
    const bound = Number(config);
    if (name === 'required') validate['required'] = true;
    else if (name === 'readonly') isReadonly = true;
    else if (name === 'minlength' && Number.isFinite(bound)) validate['minLength'] = bound;
    else if (name === 'maxlength' && Number.isFinite(bound)) validate['maxLength'] = bound;
    else if ((name === 'min' || name === 'max') && Number.isFinite(bound)) validate[name] = bound;
  }
  return { validate, readonly: isReadonly };
}

function defaultOf(field: FormFieldView, type: string): unknown {
  if (field.defaultValue === undefined) return undefined;
  if (type === 'number') return Number(field.defaultValue);
  if (type === 'checkbox') return field.defaultValue === 'true';
  return field.defaultValue;
}

/** `camunda:formField` → a form-js component: types, enum values, defaults, validation constraints. */
export function fromFormField(field: FormFieldView): FormComponent {
  const type = componentTypes[field.type] ?? 'textfield';
  const { validate, readonly: isReadonly } = validationOf(field);
  const defaultValue = defaultOf(field, type);
  return {
    type,
    key: field.id,
    label: field.label ?? field.id,
    ...(type === 'datetime' ? { subtype: 'date', dateLabel: field.label ?? field.id } : {}),
    ...(type === 'select' ? { values: (field.values ?? []).map((v) => ({ label: v.name ?? v.id, value: v.id })) } : {}),
    ...(defaultValue === undefined ? {} : { defaultValue }),
    ...(isReadonly ? { readonly: true } : {}),
    ...(Object.keys(validate).length === 0 ? {} : { validate }),
  };
}

/** A variable → a component of its inferred type; objects and lists are shown, not edited. */
export function fromVariable(name: string, value: unknown): FormComponent {
  const label = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
  if (typeof value === 'number') return { type: 'number', key: name, label };
  if (typeof value === 'boolean') return { type: 'checkbox', key: name, label };
  if (typeof value === 'string') return { type: 'textfield', key: name, label };
  return { type: 'text', text: `**${label}**: \`${JSON.stringify(value)}\`` };
}

function parseFormJson(form: UserTaskForm): FormSchema {
  try {
    return JSON.parse(form.formJson ?? '') as FormSchema;
  } catch (error) {
    throw new BatonError('INTERNAL', `The form of user task "${form.userTaskKey}" in the model is not valid JSON.`, { userTaskKey: form.userTaskKey }, { cause: error });
  }
}

/**
 * The form to show for a task (issue 7): the model's form-js JSON as is; else its
 * `camunda:formField`s converted to the same schema; else one generated from the
 * variables the task sees, types inferred from their values.
 */
export function formSchemaOf(form: UserTaskForm): { source: FormSource; schema: FormSchema } {
  if (form.formJson !== undefined) return { source: 'form', schema: parseFormJson(form) };
  const id = `baton-${form.userTaskKey}`;
  if (form.formFields.length > 0) return { source: 'formFields', schema: { type: 'default', id, schemaVersion, components: form.formFields.map(fromFormField) } };
  const components = Object.entries(form.variables).map(([name, value]) => fromVariable(name, value));
  return { source: 'variables', schema: { type: 'default', id, schemaVersion, components } };
}

function* fieldsOf(components: readonly FormComponent[]): Generator<FormComponent> {
  for (const component of components) {
    if (component.key !== undefined && component.validate !== undefined) yield component;
    if (component.components !== undefined) yield* fieldsOf(component.components);
  }
}

function problemOf(component: FormComponent, value: unknown): string | undefined {
  const rules = component.validate ?? {};
  const isEmpty = value === undefined || value === null || value === '';
  if (isEmpty) return rules.required === true ? 'is required' : undefined;
  if (typeof value === 'number') {
    if (rules.min !== undefined && value < rules.min) return `must be at least ${rules.min}`;
    if (rules.max !== undefined && value > rules.max) return `must be at most ${rules.max}`;
  }
  if (typeof value === 'string') {
    if (rules.minLength !== undefined && value.length < rules.minLength) return `must have at least ${rules.minLength} characters`;
    if (rules.maxLength !== undefined && value.length > rules.maxLength) return `must have at most ${rules.maxLength} characters`;
    if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern})$`).test(value)) return `must match ${rules.pattern}`;
  }
  return undefined;
}

/**
 * The server's half of "validated in the browser and again on the server": every rule
 * of the form (required, min, max, minLength, maxLength, pattern) against the variables
 * the task would end with. Throws VALIDATION_FAILED listing each field.
 */
export function checkFormRules(schema: FormSchema, variables: Variables, userTaskKey: string): void {
  const problems: Problem[] = [];
  for (const component of fieldsOf(schema.components)) {
    const key = component.key ?? '';
    const problem = problemOf(component, variables[key]);
    if (problem !== undefined) problems.push({ code: 'VALIDATION_FAILED', field: `variables.${key}`, message: `${component.label ?? key} ${problem}` });
  }
  if (problems.length === 0) return;
  const first = problems[0] as Problem;
  throw new BatonError('VALIDATION_FAILED', `The form of user task "${userTaskKey}" is not filled in correctly: ${problems.map((p) => p.message).join('; ')}.`, {
    field: first.field,
    userTaskKey,
    problems,
  });
}
