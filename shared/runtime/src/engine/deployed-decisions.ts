import type { DecisionLookup, DeployedDecisions as CoreDeployedDecisions, Variables } from '@baton/core';
import { BatonError } from '@baton/errors';
import { isExpression } from '@baton/feel';
import { evaluateDecision, isDmnResource, parseDmn, type DecisionEvaluation, type DecisionRequirements, type ProcessDefinition } from '@baton/model';
import type { KeySource } from '../ids.js';
import type { ProcessStore } from '../ports/process-store.js';
import type { FormRecord } from '../ports/store-records.js';
import type { DeploymentProblem } from './deployed-forms.js';
import type { DeployResource } from './engine-types.js';

/**
 * Deployed DMN files, kept as form records (issue 16): one per decision, `formId`
 * `decision:<decisionId>`, whose `json` is a {@link StoredDecisions} envelope. So every
 * store (memory, Redis, Postgres) keeps decisions without a new port method, with the
 * form's semantics: the latest file deployed holding a decision id wins.
 */
const formIdPrefix = 'decision:';

/** What a decision's form record holds. */
interface StoredDecisions {
  readonly kind: 'dmn';
  readonly decisionRequirementsId: string;
  /** 1 for the first file holding this decision, +1 for each changed file after it. */
  readonly version: number;
  readonly xml: string;
}

/** A decision evaluated on its own, outside any instance: which file and version, and the outcome. */
export interface StandaloneEvaluation {
  readonly decisionId: string;
  readonly decisionVersion: number;
  readonly decisionRequirementsId: string;
  readonly decisionRequirementsKey: string;
  readonly evaluation: DecisionEvaluation;
}

/** A parsed `.dmn` resource of a deployment. */
export interface DmnFile {
  readonly resource: DeployResource;
  readonly requirements: DecisionRequirements;
}

/** A `.dmn` resource rather than a BPMN model or a form. */
export function isDecisionResource(resource: DeployResource): boolean {
  return isDmnResource(resource.name);
}

/** Parses the `.dmn` resources; what is wrong with them comes back as problems naming the file. */
export async function readDecisionFiles(resources: readonly DeployResource[]): Promise<{ files: DmnFile[]; problems: DeploymentProblem[] }> {
  const files: DmnFile[] = [];
  const problems: DeploymentProblem[] = [];
  for (const resource of resources) {
    const parsed = await parseDmn(resource.xml);
    for (const problem of parsed.problems) if (problem.severity === 'error') problems.push({ ...problem, resourceName: resource.name });
    if (parsed.requirements !== undefined) files.push({ resource, requirements: parsed.requirements });
  }
  return { files, problems };
}

function envelopeOf(record: FormRecord | undefined): StoredDecisions | undefined {
  if (record === undefined) return undefined;
  const stored = JSON.parse(record.json) as StoredDecisions;
  return stored.kind === 'dmn' ? stored : undefined;
}

/** The decision ids a definition's business rule tasks name as constants, and whether one names its decision by an expression. */
function calledDecisions(definition: ProcessDefinition): CalledIds {
  const ids = new Set<string>();
  let hasExpressions = false;
  for (const element of Object.values(definition.elements)) {
    if (element.type !== 'businessRuleTask' || element.decision === undefined) continue;
    if (isExpression(element.decision.decisionId)) hasExpressions = true;
    else ids.add(element.decision.decisionId);
  }
  return { ids: [...ids], hasExpressions };
}

interface CalledIds {
  readonly ids: readonly string[];
  readonly hasExpressions: boolean;
}

/** A lookup for `decide`, and the ids it was asked for but did not have (an expression's value, say). */
export interface LentDecisions {
  readonly lookup: DecisionLookup;
  readonly missed: ReadonlySet<string>;
}

/** Saves deployed decisions and lends `decide` the latest ones an instance's definition calls. */
export class DecisionStore {
  private readonly parsed = new Map<string, Promise<DecisionRequirements | undefined>>();
  private readonly called = new WeakMap<ProcessDefinition, CalledIds>();

  constructor(
    private readonly store: ProcessStore,
    private readonly keys: KeySource,
  ) {}

  /** Keeps each file's decisions; an unchanged file keeps its version, a changed one gets the next. */
  async save(files: readonly DmnFile[], deployedAt: number): Promise<void> {
    for (const { resource, requirements } of files) {
      const ids = Object.keys(requirements.decisions);
      const previous = await Promise.all(ids.map(async (id) => envelopeOf(await this.store.getForm(`${formIdPrefix}${id}`))));
      if (previous.every((stored) => stored?.xml === resource.xml)) continue;
      const version = 1 + Math.max(0, ...previous.map((stored) => stored?.version ?? 0));
      const stored: StoredDecisions = { kind: 'dmn', decisionRequirementsId: requirements.decisionRequirementsId, version, xml: resource.xml };
      const formKey = await this.keys.next();
      const json = JSON.stringify(stored);
      for (const id of ids) await this.store.saveForm({ formId: `${formIdPrefix}${id}`, formKey, resourceName: resource.name, json, deployedAt });
    }
  }

  /**
   * The latest deployed decisions `definition` calls by constant id, plus `extraIds`
   * (one store read per id), for `decide`; undefined when it calls none.
   */
  async lookupFor(definition: ProcessDefinition, extraIds: readonly string[] = []): Promise<LentDecisions | undefined> {
    let called = this.called.get(definition);
    if (called === undefined) this.called.set(definition, (called = calledDecisions(definition)));
    if (called.ids.length === 0 && !called.hasExpressions) return undefined;
    const found = new Map<string, CoreDeployedDecisions>();
    for (const id of new Set([...called.ids, ...extraIds])) {
      const deployed = await this.latest(id);
      if (deployed !== undefined) found.set(id, deployed);
    }
    const missed = new Set<string>();
    const lookup: DecisionLookup = (decisionId) => {
      const deployed = found.get(decisionId);
      if (deployed === undefined) missed.add(decisionId);
      return deployed;
    };
    return { lookup, missed };
  }

  /** The latest deployed DMN file holding decision `decisionId` (one store read), if any. */
  async latest(decisionId: string): Promise<CoreDeployedDecisions | undefined> {
    const record = await this.store.getForm(`${formIdPrefix}${decisionId}`);
    const stored = envelopeOf(record);
    if (record === undefined || stored === undefined) return undefined;
    const requirements = await this.requirementsOf(record.formKey, stored.xml);
    return requirements === undefined ? undefined : { requirements, version: stored.version, decisionRequirementsKey: record.formKey };
  }

  /**
   * Evaluates the latest deployed decision `decisionId` on its own (Camunda 8.8's
   * standalone evaluation), at `now` under the default expression limits; a failing
   * evaluation is a result naming decision and rule. Throws NOT_FOUND without such a decision.
   */
  async evaluate(decisionId: string, variables: Variables, now: number): Promise<StandaloneEvaluation> {
    const deployed = await this.latest(decisionId);
    if (deployed === undefined) {
      throw new BatonError('NOT_FOUND', `Expected a deployed decision "${decisionId}", but none is deployed; deploy the DMN file that holds it.`, { decisionId });
    }
    const { requirements, version, decisionRequirementsKey } = deployed;
    const evaluation = evaluateDecision(requirements, decisionId, variables, { now });
    return { decisionId, decisionVersion: version, decisionRequirementsId: requirements.decisionRequirementsId, decisionRequirementsKey, evaluation };
  }

  /** Parsed once per node per deployed file. */
  private requirementsOf(formKey: string, xml: string): Promise<DecisionRequirements | undefined> {
    let parsed = this.parsed.get(formKey);
    if (parsed === undefined) this.parsed.set(formKey, (parsed = parseDmn(xml).then((result) => result.requirements)));
    return parsed;
  }
}
