import { checkFormSubmission } from '@baton/runtime';
import type { EngineApi, Variables } from '../engine-api.js';
import { formSchemaOf, type FormSchema, type FormSource } from './form-schema.js';

/** A task's form as the browser gets it. */
export interface TaskFormView {
  readonly userTaskKey: string;
  readonly source: FormSource;
  readonly formKey?: string;
  readonly schema: FormSchema;
  readonly variables: Variables;
}

/** The form of an open task and the variables to fill it with; NOT_FOUND when the task is not open. */
export async function taskFormOf(engine: EngineApi, userTaskKey: string): Promise<TaskFormView> {
  const form = await engine.getUserTaskForm(userTaskKey);
  const { source, schema } = formSchemaOf(form);
  return { userTaskKey, source, ...(form.formKey === undefined ? {} : { formKey: form.formKey }), schema, variables: form.variables };
}

/**
 * Enforces a task's form on a completion (issue 12, finding 4): with a form of the model
 * (form-js JSON or `camunda:formField`s) only its editable fields may change, with values
 * of their types, and its rules must hold (`checkFormSubmission`); VALIDATION_FAILED lists
 * each field. A task without a form accepts any variables, as Camunda 8 does: the form
 * generated from its variables is a convenience of the task list, not a contract.
 */
export async function checkTaskForm(engine: EngineApi, userTaskKey: string, submitted: Variables): Promise<void> {
  const form = await engine.getUserTaskForm(userTaskKey);
  const { source, schema } = formSchemaOf(form);
  if (source !== 'variables') checkFormSubmission(schema, form.variables, submitted, userTaskKey);
}
