import type { DecisionRequirements } from '@baton/model';

/** A deployed DMN file, as the shell hands it to the core: its decisions and their version. */
export interface DeployedDecisions {
  readonly requirements: DecisionRequirements;
  /** The deployment version of the file (1 for the first). */
  readonly version: number;
  /** The key the file was deployed under. */
  readonly decisionRequirementsKey: string;
  /** The decision definition key and version of each decision in the file, when the shell keeps them. */
  readonly definitions?: Readonly<Record<string, { readonly decisionKey: string; readonly version: number }>>;
}

/**
 * The latest deployed DMN file holding a decision of that id, if any. The shell reads
 * what the instance's business rule tasks may call before it decides, so the lookup
 * is synchronous; a replay needs none (the result is in the history).
 */
export type DecisionLookup = (decisionId: string) => DeployedDecisions | undefined;
