import type { DecisionLookup, DeployedDecisions as CoreDeployedDecisions, Variables } from '@baton/core';
import { BatonError } from '@baton/errors';
import { isExpression } from '@baton/feel';
import { evaluateDecision, isDmnResource, parseDmn, type DecisionEvaluation, type DecisionRequirements, type ProcessDefinition } from '@baton/model';
import type { KeySource } from '../ids.js';
import type { ProcessStore } from '../ports/process-store.js';
import { DecisionCatalog, type DecisionDefinitionRecord, type DecisionRequirementsRecord } from './decision-catalog.js';
import type { DeploymentProblem } from './deployed-forms.js';
import type { DeployResource } from './engine-types.js';

/** A decision evaluated on its own, outside any instance: which decision version and file, and the outcome. */
export interface StandaloneEvaluation {
  readonly decisionId: string;
  readonly decisionKey: string;
  readonly decisionName?: string;
  readonly decisionVersion: number;
  readonly decisionRequirementsId: string;
  readonly decisionRequirementsKey: string;
  /** Every decision of the file: its definition key and version. */
  readonly definitions: Readonly<Record<string, { readonly decisionKey: string; readonly version: number }>>;
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
  readonly catalog: DecisionCatalog;
  private readonly parsed = new Map<string, Promise<CoreDeployedDecisions | undefined>>();
  private readonly called = new WeakMap<ProcessDefinition, CalledIds>();

  constructor(store: ProcessStore, keys: KeySource) {
    this.catalog = new DecisionCatalog(store, keys);
  }

  /** Keeps each file as a version of its DRG: an unchanged file keeps its version, a changed one gets the next, and so do its decisions. */
  async save(files: readonly DmnFile[], deployedAt: number): Promise<DecisionRequirementsRecord[]> {
    const saved: DecisionRequirementsRecord[] = [];
    for (const { resource, requirements } of files) saved.push(await this.catalog.save(resource.name, resource.xml, requirements, deployedAt));
    return saved;
  }

  /**
   * The latest deployed decisions `definition` calls by constant id, plus `extraIds`
   * (one store read per id, and one per file this node has not parsed yet), for `decide`;
   * undefined when it calls none.
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

  /** The DMN file holding the latest version of decision `decisionId`, if any. */
  async latest(decisionId: string): Promise<CoreDeployedDecisions | undefined> {
    const record = await this.catalog.latestDecision(decisionId);
    return record === undefined ? undefined : this.deployedOf(record);
  }

  /**
   * Evaluates a deployed decision on its own (Camunda 8.8's standalone evaluation): the
   * latest version of `decisionId`, or the version with `decisionKey`; at `now` under the
   * default expression limits. A failing evaluation is a result naming decision and rule.
   * Throws NOT_FOUND without such a decision.
   */
  async evaluate(which: { readonly decisionId?: string; readonly decisionKey?: string }, variables: Variables, now: number): Promise<StandaloneEvaluation> {
    const record = which.decisionKey !== undefined ? await this.catalog.decisionByKey(which.decisionKey) : which.decisionId === undefined ? undefined : await this.catalog.latestDecision(which.decisionId);
    const deployed = record === undefined ? undefined : await this.deployedOf(record);
    if (record === undefined || deployed === undefined) {
      const named = which.decisionKey !== undefined ? `with key "${which.decisionKey}"` : `"${which.decisionId ?? ''}"`;
      throw new BatonError('NOT_FOUND', `Expected a deployed decision ${named}, but none is deployed; deploy the DMN file that holds it, or search the decision definitions.`, { ...which });
    }
    const evaluation = evaluateDecision(deployed.requirements, record.decisionId, variables, { now });
    return {
      decisionId: record.decisionId,
      decisionKey: record.decisionKey,
      ...(record.name === undefined ? {} : { decisionName: record.name }),
      decisionVersion: record.version,
      decisionRequirementsId: record.decisionRequirementsId,
      decisionRequirementsKey: record.decisionRequirementsKey,
      definitions: deployed.definitions ?? {},
      evaluation,
    };
  }

  /** The file a decision version belongs to, parsed once per node per file. */
  private deployedOf(record: DecisionDefinitionRecord): Promise<CoreDeployedDecisions | undefined> {
    const key = record.decisionRequirementsKey;
    let parsed = this.parsed.get(key);
    if (parsed === undefined) {
      parsed = this.parseFile(key);
      this.parsed.set(key, parsed);
    }
    return parsed.then((file) => (file === undefined ? undefined : { ...file, version: record.version }));
  }

  private async parseFile(decisionRequirementsKey: string): Promise<CoreDeployedDecisions | undefined> {
    const stored = await this.catalog.requirements(decisionRequirementsKey);
    if (stored === undefined) {
      this.parsed.delete(decisionRequirementsKey);
      return undefined;
    }
    const { requirements } = await parseDmn(stored.xml);
    if (requirements === undefined) return undefined;
    const definitions = Object.fromEntries(stored.record.decisions.map((d) => [d.decisionId, { decisionKey: d.decisionKey, version: d.version }]));
    return { requirements, version: stored.record.version, decisionRequirementsKey, definitions };
  }
}
