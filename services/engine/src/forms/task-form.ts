import type { EngineApi, Variables } from '../engine-api.js';
import { checkFormRules, formSchemaOf, type FormSchema, type FormSource } from './form-schema.js';

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

/** Enforces the form's rules on a completion, against the variables the task would end with; VALIDATION_FAILED lists each field. */
export async function checkTaskForm(engine: EngineApi, userTaskKey: string, submitted: Variables): Promise<void> {
  const form = await engine.getUserTaskForm(userTaskKey);
  checkFormRules(formSchemaOf(form).schema, { ...form.variables, ...submitted }, userTaskKey);
}
