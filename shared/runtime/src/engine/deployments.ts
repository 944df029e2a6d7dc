import { evaluateExpression, isExpression, timerDue } from '@baton/feel';
import { BatonError } from '@baton/errors';
import type { ProcessDefinition } from '@baton/model';
import type { ParseFn } from '../definition-registry.js';
import type { FormRecord, StartEventRegistration } from '../ports/store-records.js';
import { isDecisionResource, readDecisionFiles, type DecisionStore } from './deployed-decisions.js';
import { isFormResource, missingFormLinks, readForms, type DeploymentProblem } from './deployed-forms.js';
import type { EngineContext } from './engine-context.js';
import type { DeployedProcess, DeployResource } from './engine-types.js';

interface Parsed {
  readonly resource: DeployResource;
  readonly definition: ProcessDefinition;
}

/**
 * Deploys BPMN resources, `*.form` files (form-js JSON) and `*.dmn` files (DMN decisions):
 * all or nothing, identical XML keeps its version, a form or decision replaces the earlier
 * one of its id, timer start events scheduled.
 */
export class Deployments {
  constructor(
    private readonly ctx: EngineContext,
    private readonly parse: ParseFn,
    private readonly decisions: DecisionStore,
  ) {}

  async deploy(resources: readonly DeployResource[], allowNonExecutable: boolean): Promise<readonly DeployedProcess[]> {
    const { forms, problems } = readForms(resources.filter(isFormResource), this.ctx.clock.now());
    const dmn = await readDecisionFiles(resources.filter(isDecisionResource));
    const models = resources.filter((resource) => !isFormResource(resource) && !isDecisionResource(resource));
    const parsed = await this.parseAll(models, allowNonExecutable, [...problems, ...dmn.problems], forms.length + dmn.files.length > 0);
    await this.checkFormLinks(parsed, forms);
    for (const form of forms) await this.ctx.store.saveForm({ ...form, formKey: await this.ctx.keys.next() });
    await this.decisions.save(dmn.files, this.ctx.clock.now());
    const deployed: DeployedProcess[] = [];
    for (const { resource, definition } of parsed) {
      const { record, isNew } = await this.ctx.store.saveDeployment({
        processId: definition.processId,
        definitionKey: await this.ctx.keys.next(),
        ...(definition.name === undefined ? {} : { name: definition.name }),
        resourceName: resource.name,
        xml: resource.xml,
        isExecutable: definition.isExecutable,
        startEvents: startEventsOf(definition),
        deployedAt: this.ctx.clock.now(),
      });
      this.ctx.registry.remember(definition, record);
      this.ctx.registry.deployed(record);
      if (isNew) await this.scheduleTimerStarts(record.definitionKey, record.startEvents);
      const { processId, version, definitionKey, resourceName } = record;
      deployed.push({ processId, ...(record.name === undefined ? {} : { name: record.name }), version, definitionKey, resourceName, isNew });
    }
    return deployed;
  }

  /**
   * Deletes a deployed version (Camunda 8.8's resource deletion), refused with
   * DEFINITION_IN_USE while an instance of it runs (cancel or finish them first).
   * When it was the latest, the highest version left becomes the latest: its timer start
   * events are scheduled again (its message and signal start events move in the store).
   */
  async deleteDefinition(definitionKey: string): Promise<void> {
    const record = await this.ctx.store.getDeployment(definitionKey);
    const listed = record === undefined ? [] : await this.ctx.store.listDeployments({ processId: record.processId });
    if (record === undefined || !listed.some((found) => found.definitionKey === definitionKey)) {
      throw new BatonError('DEFINITION_NOT_FOUND', `Expected a deployed process definition with key "${definitionKey}", but found none; search the process definitions to see what is deployed.`, {
        definitionKey,
      });
    }
    const running = await this.firstActiveInstance(record.processId, definitionKey);
    if (running !== undefined) {
      throw new BatonError(
        'DEFINITION_IN_USE',
        `Expected to delete process definition "${record.processId}" version ${record.version} (key ${definitionKey}), but instance ${running} of it is still active; cancel or finish its instances first.`,
        { definitionKey, processInstanceKey: running },
      );
    }
    const deleted = await this.ctx.store.deleteDeployment(definitionKey, this.ctx.clock.now());
    this.ctx.registry.deployed(record);
    if (deleted?.newLatest !== undefined) await this.scheduleTimerStarts(deleted.newLatest.definitionKey, deleted.newLatest.startEvents);
  }

  /** The key of an active instance of that version, if any (pages through the process's active instances). */
  private async firstActiveInstance(processId: string, definitionKey: string): Promise<string | undefined> {
    const limit = 500;
    for (let offset = 0; ; offset += limit) {
      const page = await this.ctx.store.findInstances({ processId, status: 'active', offset, limit });
      const found = page.items.find((instance) => instance.definitionKey === definitionKey);
      if (found !== undefined) return found.instanceId;
      if (page.items.length < limit) return undefined;
    }
  }

  /** Parses every resource once; refuses the whole deployment on any error problem (`formProblems`, of forms and DMN files, included). */
  private async parseAll(resources: readonly DeployResource[], allowNonExecutable: boolean, formProblems: readonly DeploymentProblem[], hasOthers: boolean): Promise<Parsed[]> {
    const parsed: Parsed[] = [];
    const problems: DeploymentProblem[] = [...formProblems];
    for (const resource of resources) {
      const result = await this.parse(resource.xml, { allowNonExecutable, version: 0 });
      for (const problem of result.problems) if (problem.severity === 'error') problems.push({ ...problem, resourceName: resource.name });
      for (const definition of result.processes) parsed.push({ resource, definition });
    }
    if (problems.length > 0) {
      const onlyNotExecutable = problems.every((p) => p.code === 'NOT_EXECUTABLE');
      const summary = problems.map((p) => `${p.resourceName}${p.elementId === undefined ? '' : ` (${p.elementId})`}: ${p.message}`).join('; ');
      throw onlyNotExecutable
        ? new BatonError('MODEL_NOT_EXECUTABLE', `Not deployed: ${summary}. Deploy with allowNonExecutable to deploy it anyway.`, { problems })
        : new BatonError('MODEL_INVALID', `Not deployed, the model has ${problems.length} problem(s): ${summary}`, { problems });
    }
    if (parsed.length === 0 && !hasOthers) {
      throw new BatonError('MODEL_INVALID', 'Not deployed: the resources hold no process.', { problems: [] });
    }
    return parsed;
  }

  /** Refuses the deployment when a user task links a form (`formId`) that is neither embedded, nor in `forms`, nor deployed before. */
  private async checkFormLinks(parsed: readonly Parsed[], forms: readonly Pick<FormRecord, 'formId'>[]): Promise<void> {
    const deployed = new Set(forms.map((form) => form.formId));
    const known = async (formId: string): Promise<boolean> => (await this.ctx.store.getForm(formId)) !== undefined;
    const problems: DeploymentProblem[] = [];
    for (const { resource, definition } of parsed) problems.push(...(await missingFormLinks(definition, resource.name, deployed, known)));
    if (problems.length === 0) return;
    const summary = problems.map((p) => `${p.resourceName} (${p.elementId ?? '?'}): ${p.message}`).join('; ');
    throw new BatonError('MODEL_INVALID', `Not deployed: ${summary}`, { problems });
  }

  private async scheduleTimerStarts(definitionKey: string, startEvents: readonly StartEventRegistration[]): Promise<void> {
    for (const start of startEvents) {
      if (start.kind !== 'timer') continue;
      const { timeDuration, timeDate, timeCycle } = start;
      const due = timerDue({ ...(timeDuration && { timeDuration }), ...(timeDate && { timeDate }), ...(timeCycle && { timeCycle }) }, {}, this.ctx.clock.now());
      if (!due.ok) {
        this.ctx.onError(new BatonError('EXPRESSION_FAILED', due.message, { definitionKey, elementId: start.elementId }), { during: 'deploy' });
        continue;
      }
      const { dueAt, repetitionsLeft } = due.value;
      await this.ctx.queue.scheduleTimer({
        kind: 'start',
        timerKey: startTimerKey(definitionKey, start.elementId, dueAt),
        dueAt,
        definitionKey,
        elementId: start.elementId,
        ...(repetitionsLeft === undefined ? {} : { repetitionsLeft }),
      });
    }
  }
}

/** Deterministic per firing, so scheduling one twice is a no-op. */
export function startTimerKey(definitionKey: string, elementId: string, dueAt: number): string {
  return `start:${definitionKey}:${elementId}@${dueAt}`;
}

/** A name that may be a constant expression (`="order"`) evaluates once, at deploy time. */
function constantName(text: string): string {
  if (!isExpression(text)) return text;
  const result = evaluateExpression(text, {});
  return result.ok && typeof result.value === 'string' ? result.value : text;
}

/** How each start event of the process starts instances. */
export function startEventsOf(definition: ProcessDefinition): StartEventRegistration[] {
  const registrations: StartEventRegistration[] = [];
  for (const elementId of definition.startEventIds) {
    const element = definition.elements[elementId];
    if (element?.type !== 'startEvent') continue;
    const event = element.event;
    if (event === undefined) registrations.push({ kind: 'none', elementId });
    else if (event.type === 'message') registrations.push({ kind: 'message', elementId, messageName: constantName(event.messageName) });
    else if (event.type === 'signal') registrations.push({ kind: 'signal', elementId, signalName: constantName(event.signalName) });
    else if (event.type === 'timer') {
      const { timeDuration, timeDate, timeCycle } = event;
      registrations.push({
        kind: 'timer',
        elementId,
        ...(timeDuration === undefined ? {} : { timeDuration }),
        ...(timeDate === undefined ? {} : { timeDate }),
        ...(timeCycle === undefined ? {} : { timeCycle }),
      });
    }
  }
  return registrations;
}
