import { defaultTenantId, type UserTaskFormResult } from '@baton/api';
import { checkFormSubmission } from '@baton/runtime';
import type { EngineApi, Variables } from '../engine-api.js';
import type { UserTaskForm } from '../user-tasks-api.js';
import { formSchemaOf } from './form-schema.js';

/**
 * The form of an open task in 8.8's `FormResult` shape (the schema as an object, as 8.8's
 * schema and its client's validation have it; version
 * 1 for a form of the model), plus Baton's `source` and the variables to fill it with.
 * Unlike Camunda, which answers 204 for a task without a linked form, Baton always has
 * one: the model's, or one built from its form fields or its variables. NOT_FOUND when
 * the task is not open.
 */
export async function taskFormOf(engine: EngineApi, userTaskKey: string): Promise<UserTaskFormResult> {
  const form = await engine.getUserTaskForm(userTaskKey);
  const { source, schema } = formSchemaOf(form);
  return {
    ...(form.formKey === undefined ? {} : { formKey: form.formKey }),
    tenantId: defaultTenantId,
    formId: typeof schema.id === 'string' && schema.id !== '' ? schema.id : `baton-${userTaskKey}`,
    version: 1,
    schema: { ...schema },
    source,
    variables: form.variables,
  };
}

/**
 * Enforces a task's form on a completion (issue 12, finding 4): with a form of the model
 * (form-js JSON or `camunda:formField`s) only its editable fields may change, with values
 * of their types, and its rules must hold (`checkFormSubmission`); VALIDATION_FAILED lists
 * each field. A task without a form accepts any variables, as Camunda 8 does: the form
 * generated from its variables is a convenience of the task list, not a contract.
 */
export function checkTaskForm(form: UserTaskForm, submitted: Variables): void {
  const { source, schema } = formSchemaOf(form);
  if (source !== 'variables') checkFormSubmission(schema, form.variables, submitted, form.userTaskKey);
}
