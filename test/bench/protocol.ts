import type { SystemName } from './system.js';

/** What run.ts passes a case process (as JSON in argv[2]). */
export interface CaseRunConfig {
  readonly suite: string;
  readonly caseName: string;
  readonly system: SystemName;
  readonly modelsDir: string;
  readonly inFlight: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

/** One row of the table and of `--json`. */
export interface CaseResult {
  readonly name: string;
  readonly system: SystemName;
  readonly instancesPerSec: number;
  readonly cpuUsPerInstance: number;
  /** Peak resident set of the case's own process (warm-up included), MB. */
  readonly peakRssMb: number;
  readonly instances: number;
  readonly elapsedMs: number;
}

/** Messages from a case process to run.ts over the fork IPC channel. */
export type CaseMessage =
  | { readonly type: 'progress'; readonly phase: 'warm-up' | 'measure'; readonly instances: number; readonly elapsedMs: number }
  | { readonly type: 'result'; readonly result: CaseResult }
  | { readonly type: 'failed'; readonly message: string };
