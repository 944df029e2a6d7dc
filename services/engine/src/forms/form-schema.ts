import { BatonError } from '@baton/errors';
import type { FormField } from '@baton/model';
import type { FormComponent, FormSchema, FormValidation } from '@baton/runtime';
import type { UserTaskForm } from '../user-tasks-api.js';

export type { FormComponent, FormSchema, FormValidation };

/** Where a task's form came from: the model's form-js JSON, its `camunda:formField`s, or its variables. */
export type FormSource = 'form' | 'formFields' | 'variables';

const schemaVersion = 16;

const componentTypes: Readonly<Record<string, string>> = { string: 'textfield', long: 'number', integer: 'number', double: 'number', boolean: 'checkbox', date: 'datetime', enum: 'select' };

function validationOf(field: FormField): { validate: FormValidation; readonly: boolean } {
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

function defaultOf(field: FormField, type: string): unknown {
  if (field.defaultValue === undefined) return undefined;
  if (type === 'number') return Number(field.defaultValue);
  if (type === 'checkbox') return field.defaultValue === 'true';
  return field.defaultValue;
}

/** A name form-js binds as it is: not empty, no dot (form-js reads `a.b` as a path). */
const isPlainKey = (name: string): boolean => name !== '' && !name.includes('.');

/** `camunda:formField` → a form-js component (one whose id form-js would misread binds `field_<index>` and names its `variable`): types, enum values, defaults, validation constraints. */
export function fromFormField(field: FormField, index: number): FormComponent {
  const type = componentTypes[field.type] ?? 'textfield';
  const { validate, readonly: isReadonly } = validationOf(field);
  const defaultValue = defaultOf(field, type);
  return {
    type,
    ...(isPlainKey(field.id) ? { key: field.id } : { key: `field_${index}`, variable: field.id }),
    label: field.label ?? field.id,
    ...(type === 'datetime' ? { subtype: 'date', dateLabel: field.label ?? field.id } : {}),
    ...(type === 'select' ? { values: (field.values ?? []).map((v) => ({ label: v.name ?? v.id, value: v.id })) } : {}),
    ...(defaultValue === undefined ? {} : { defaultValue }),
    ...(isReadonly ? { readonly: true } : {}),
    ...(Object.keys(validate).length === 0 ? {} : { validate }),
  };
}

/** The key a generated field binds: never the variable's name, which form-js reads as a path (`a.b`) or replaces (`""`). */
export const generatedKey = (index: number): string => `variable_${index}`;

/**
 * A variable → a component of its inferred type, bound to `generatedKey(index)` and naming
 * the variable in `variable` (the browser maps it back); objects and lists are shown, not
 * edited. A number field is required: form-js reads "abc" as null, which must not be sent.
 */
export function fromVariable(name: string, value: unknown, index: number): FormComponent {
  const label = name === '' ? '(unnamed variable)' : name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
  const field = { key: generatedKey(index), label, variable: name };
  if (typeof value === 'number') return { type: 'number', ...field, validate: { required: true } };
  if (typeof value === 'boolean') return { type: 'checkbox', ...field };
  if (typeof value === 'string') return { type: 'textfield', ...field };
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
  if (form.formFields.length > 0) return { source: 'formFields', schema: { type: 'default', id, schemaVersion, components: form.formFields.map((field, index) => fromFormField(field, index)) } };
  const components = Object.entries(form.variables).map(([name, value], index) => fromVariable(name, value, index));
  return { source: 'variables', schema: { type: 'default', id, schemaVersion, components } };
}
