import type { ModelProblem, ProcessDefinition } from '@baton/model';
import type { FormRecord } from '../ports/store-records.js';
import type { DeployResource } from './engine-types.js';

/** A problem of a deployment, with the resource it is in. */
export type DeploymentProblem = ModelProblem & { readonly resourceName: string };

/** A `*.form` resource (form-js JSON) rather than a BPMN model. */
export function isFormResource(resource: DeployResource): boolean {
  return resource.name.toLowerCase().endsWith('.form');
}

function formIdOf(text: string): string | undefined {
  try {
    const schema: unknown = JSON.parse(text);
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return undefined;
    const id = (schema as { readonly id?: unknown }).id;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The forms of `resources` (each a JSON object with a non-empty string `id`, ids unique), and what is wrong with the others. */
export function readForms(resources: readonly DeployResource[], deployedAt: number): { forms: Omit<FormRecord, 'formKey'>[]; problems: DeploymentProblem[] } {
  const forms: Omit<FormRecord, 'formKey'>[] = [];
  const problems: DeploymentProblem[] = [];
  for (const resource of resources) {
    const formId = formIdOf(resource.xml);
    const problem = (message: string): DeploymentProblem => ({ code: 'MISSING_REFERENCE', severity: 'error', message, resourceName: resource.name });
    if (formId === undefined) problems.push(problem('A form must be a form-js JSON object with a non-empty string "id".'));
    else if (forms.some((f) => f.formId === formId)) problems.push(problem(`Another form of this deployment has the id "${formId}" too.`));
    else forms.push({ formId, resourceName: resource.name, json: resource.xml, deployedAt });
  }
  return { forms, problems };
}

/**
 * The user tasks of `definition` that link a form by `zeebe:formDefinition formId`
 * which is neither embedded in the model, nor among `deployed`, nor `known` (deployed earlier).
 */
export async function missingFormLinks(
  definition: ProcessDefinition,
  resourceName: string,
  deployed: ReadonlySet<string>,
  known: (formId: string) => Promise<boolean>,
): Promise<DeploymentProblem[]> {
  const problems: DeploymentProblem[] = [];
  for (const element of Object.values(definition.elements)) {
    if (element.type !== 'userTask') continue;
    const { formId, formJson } = element.userTask;
    if (formId === undefined || formJson !== undefined || deployed.has(formId) || (await known(formId))) continue;
    problems.push({
      code: 'MISSING_REFERENCE',
      severity: 'error',
      elementId: element.elementId,
      processId: definition.processId,
      resourceName,
      message: `User task "${element.elementId}" links form "${formId}", which is neither embedded in the model nor deployed; deploy a form file with "id": "${formId}" in this or an earlier deployment.`,
    });
  }
  return problems;
}
