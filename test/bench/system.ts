import type { BenchCase } from './cases.js';

export const systemNames = ['bpmn-engine', 'baton'] as const;
export type SystemName = (typeof systemNames)[number];

/** A process engine set up for one case: its model deployed, its jobs completed in-process. */
export interface BenchSystem {
  /** Starts one instance and resolves when it has completed; rejects if it cannot. */
  runOne(): Promise<void>;
  /** Runs one instance and returns the ids of the elements it completed, in order. */
  traceOne(): Promise<readonly string[]>;
  close(): Promise<void>;
}

/** `decisions`: the case's DMN files (name and XML), deployed with the model by a system that evaluates DMN. */
export type BenchSystemFactory = (benchCase: BenchCase, xml: string, decisions?: readonly { readonly name: string; readonly xml: string }[]) => Promise<BenchSystem>;
