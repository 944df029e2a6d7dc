import type { DecisionRequirements } from '@baton/model';
import type { KeySource } from '../ids.js';
import type { ProcessStore } from '../ports/process-store.js';

/** One deployed version of a decision (Camunda's decision definition). */
export interface DecisionDefinitionRecord {
  readonly decisionKey: string;
  readonly decisionId: string;
  readonly name?: string;
  /** Per decision id: 1 for the first deployed file holding it, +1 for each changed file after. */
  readonly version: number;
  readonly decisionType: 'decisionTable' | 'literalExpression';
  readonly decisionRequirementsKey: string;
  readonly decisionRequirementsId: string;
  readonly deployedAt: number;
}

/** One deployed version of a DMN file (Camunda's decision requirements: the decision requirements graph). */
export interface DecisionRequirementsRecord {
  readonly decisionRequirementsKey: string;
  readonly decisionRequirementsId: string;
  readonly name?: string;
  /** Per DRG id: 1 for the first, +1 for each changed file after. */
  readonly version: number;
  readonly resourceName: string;
  readonly deployedAt: number;
  /** The file's decisions, each as the version deployed with it. */
  readonly decisions: readonly { readonly decisionId: string; readonly decisionKey: string; readonly version: number }[];
}

/** Every deployed version, for searches. */
interface Catalog {
  readonly decisions: readonly DecisionDefinitionRecord[];
  readonly requirements: readonly DecisionRequirementsRecord[];
}

/** A stored DMN file: its record and its XML. */
export interface StoredRequirements {
  readonly record: DecisionRequirementsRecord;
  readonly xml: string;
}

/**
 * Where deployed decisions live (issue 16): as form records of the `ProcessStore`, so
 * memory, Redis, Postgres (and stores built on them) keep them with no new port method.
 * - `dmn:drg:<decisionRequirementsKey>`: a DMN file version, with its XML;
 * - `dmn:decision:<decisionId>`: the latest version of a decision;
 * - `dmn:decision-key:<decisionKey>`: a decision version by key;
 * - `dmn:catalog`: every version of every decision and file, for searches.
 * The catalog is read, changed and written back by a deploy, so two nodes deploying
 * DMN files at the same moment can lose one's entries from searches (lookups by id and
 * key are unaffected): deploy DMN from one place at a time.
 */
export class DecisionCatalog {
  constructor(
    private readonly store: ProcessStore,
    private readonly keys: KeySource,
  ) {}

  /**
   * Saves a DMN file as a new version unless the latest version of its DRG id holds the
   * same XML; every decision in it gets its next version. Returns the file's record.
   */
  async save(resourceName: string, xml: string, requirements: DecisionRequirements, deployedAt: number): Promise<DecisionRequirementsRecord> {
    const catalog = await this.catalog();
    const drgId = requirements.decisionRequirementsId;
    const previous = latestOf(catalog.requirements.filter((r) => r.decisionRequirementsId === drgId));
    if (previous !== undefined && (await this.requirements(previous.decisionRequirementsKey))?.xml === xml) return previous;
    const decisionRequirementsKey = await this.keys.next();
    const decisions: DecisionDefinitionRecord[] = [];
    for (const decision of Object.values(requirements.decisions)) {
      const prior = latestOf(catalog.decisions.filter((d) => d.decisionId === decision.decisionId));
      decisions.push({
        decisionKey: await this.keys.next(),
        decisionId: decision.decisionId,
        ...(decision.name === undefined ? {} : { name: decision.name }),
        version: (prior?.version ?? 0) + 1,
        decisionType: decision.logic.kind === 'literalExpression' ? 'literalExpression' : 'decisionTable',
        decisionRequirementsKey,
        decisionRequirementsId: drgId,
        deployedAt,
      });
    }
    const record: DecisionRequirementsRecord = {
      decisionRequirementsKey,
      decisionRequirementsId: drgId,
      ...(requirements.name === undefined ? {} : { name: requirements.name }),
      version: (previous?.version ?? 0) + 1,
      resourceName,
      deployedAt,
      decisions: decisions.map(({ decisionId, decisionKey, version }) => ({ decisionId, decisionKey, version })),
    };
    await this.put(`dmn:drg:${decisionRequirementsKey}`, decisionRequirementsKey, resourceName, { record, xml } satisfies StoredRequirements, deployedAt);
    for (const decision of decisions) {
      await this.put(`dmn:decision-key:${decision.decisionKey}`, decision.decisionKey, resourceName, decision, deployedAt);
      await this.put(`dmn:decision:${decision.decisionId}`, decision.decisionKey, resourceName, decision, deployedAt);
    }
    const next: Catalog = { decisions: [...catalog.decisions, ...decisions], requirements: [...catalog.requirements, record] };
    await this.put('dmn:catalog', decisionRequirementsKey, resourceName, next, deployedAt);
    return record;
  }

  /** Every deployed decision version, in deployment order. */
  async decisions(): Promise<readonly DecisionDefinitionRecord[]> {
    return (await this.catalog()).decisions;
  }

  /** Every deployed DMN file version, in deployment order. */
  async allRequirements(): Promise<readonly DecisionRequirementsRecord[]> {
    return (await this.catalog()).requirements;
  }

  /** The latest version of a decision (one store read). */
  latestDecision(decisionId: string): Promise<DecisionDefinitionRecord | undefined> {
    return this.get<DecisionDefinitionRecord>(`dmn:decision:${decisionId}`);
  }

  /** A decision version by its key (one store read). */
  decisionByKey(decisionKey: string): Promise<DecisionDefinitionRecord | undefined> {
    return this.get<DecisionDefinitionRecord>(`dmn:decision-key:${decisionKey}`);
  }

  /** A DMN file version by its key, with its XML (one store read). */
  requirements(decisionRequirementsKey: string): Promise<StoredRequirements | undefined> {
    return this.get<StoredRequirements>(`dmn:drg:${decisionRequirementsKey}`);
  }

  private async catalog(): Promise<Catalog> {
    return (await this.get<Catalog>('dmn:catalog')) ?? { decisions: [], requirements: [] };
  }

  private async get<T>(formId: string): Promise<T | undefined> {
    const record = await this.store.getForm(formId);
    return record === undefined ? undefined : (JSON.parse(record.json) as T);
  }

  private put(formId: string, formKey: string, resourceName: string, value: unknown, deployedAt: number): Promise<void> {
    return this.store.saveForm({ formId, formKey, resourceName, json: JSON.stringify(value), deployedAt });
  }
}

function latestOf<T extends { readonly version: number }>(versions: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const v of versions) if (latest === undefined || v.version > latest.version) latest = v;
  return latest;
}
