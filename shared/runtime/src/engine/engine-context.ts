import { instanceKeyOf, isNumericKey, type InstanceState, type Variables } from '@baton/core';
import type { KeySource } from '../ids.js';
import { BatonError, isBatonError } from '@baton/errors';
import type { CommandProcessor, ExecuteRequest, ExecuteResult } from '../command-processor.js';
import type { DefinitionRegistry } from '../definition-registry.js';
import type { Clock } from '../ports/clock.js';
import type { JobQueue } from '../ports/job-queue.js';
import type { ProcessStore } from '../ports/process-store.js';
import type { VariableLimits } from '../variable-limits.js';

/** What the engine's parts share: the ports, the shell and the node's id source. */
export interface EngineContext {
  readonly store: ProcessStore;
  readonly queue: JobQueue;
  readonly clock: Clock;
  readonly nodeId: string;
  readonly registry: DefinitionRegistry;
  readonly processor: CommandProcessor;
  readonly newId: () => string;
  /** Instance keys and other numeric keys (see KeySource). */
  readonly keys: KeySource;
  readonly visibleVariables: (state: InstanceState, elementInstanceId: string) => Variables;
  readonly onError: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
  /** What a variables document entering the engine may hold (see `checkVariables`). */
  readonly variableLimits: VariableLimits;
}

/** `commandId` and `at` for a new command. */
export function stamp(ctx: EngineContext): { readonly commandId: string; readonly at: number } {
  return { commandId: ctx.newId(), at: ctx.clock.now() };
}

/** The instance holding an open wait: from the hint, the key itself when numeric, else the store's index. */
async function instanceOfWait(ctx: EngineContext, key: string, hint: string | undefined, what: string): Promise<string> {
  if (hint !== undefined) return hint;
  // A numeric key names its instance: no read (issue 13). The command itself refuses a key that is no open wait.
  if (isNumericKey(key)) return instanceKeyOf(key) as string;
  const wait = await ctx.store.findWait(key);
  if (wait !== undefined) return wait.instanceId;
  throw waitNotOpen(key, what);
}

/** The refusal of a command on a job or user task that is not open (404 at the door). */
function waitNotOpen(key: string, what: string): BatonError {
  if (what === 'job') {
    return new BatonError('JOB_NOT_OPEN', `Expected an open job "${key}" but found none; it may already be completed or cancelled.`, { jobKey: key });
  }
  return new BatonError('NOT_FOUND', `Expected an open ${what} "${key}" but found none; it may already be completed.`, { key });
}

/**
 * Runs a command on the instance holding the wait `key` (a job or user task). A key
 * that names no instance, or an ended one, is refused as a wait that is not open, as
 * when the store's index found none.
 */
export async function executeOnWait(
  ctx: EngineContext,
  wait: { readonly key: string; readonly hint: string | undefined; readonly what: string },
  request: (instanceId: string) => ExecuteRequest,
): Promise<ExecuteResult> {
  const instanceId = await instanceOfWait(ctx, wait.key, wait.hint, wait.what);
  try {
    return await ctx.processor.execute(request(instanceId));
  } catch (error) {
    if (isBatonError(error) && (error.code === 'INSTANCE_NOT_FOUND' || error.code === 'INSTANCE_NOT_ACTIVE')) throw waitNotOpen(wait.key, wait.what);
    throw error;
  }
}

/** Refusals that prove a job is over: see {@link isJobOver}. */
const jobOverCodes: ReadonlySet<string> = new Set(['JOB_NOT_OPEN', 'STALE_COMMAND', 'INSTANCE_NOT_ACTIVE', 'INSTANCE_NOT_FOUND']);

/**
 * Whether `error` refuses a job's completion (or failure) because the job is over: its
 * wait is closed (a peer ran it after this node's lease lapsed, or it was cancelled) or
 * its instance ended or is gone. Delivery is at least once, so this is an expected
 * outcome, not a failure (issue 12, findings 7 and 12): the job is finished, never run again.
 */
export function isJobOver(error: unknown): boolean {
  return isBatonError(error) && jobOverCodes.has(error.code);
}

/** Runs `run`, and calls `settle` after success or after a refusal that proves the job is over. */
export async function thenSettle(run: Promise<ExecuteResult>, settle: (result: ExecuteResult | undefined) => Promise<void>): Promise<ExecuteResult> {
  try {
    const result = await run;
    await settle(result);
    return result;
  } catch (error) {
    if (isJobOver(error)) await settle(undefined);
    throw error;
  }
}

/** The type (the queue's capability) of job `jobKey` as the instance held it before `result`, if known. */
export function jobTypeBefore(result: ExecuteResult | undefined, jobKey: string): string | undefined {
  const wait = result?.previous?.waits[jobKey];
  return wait?.kind === 'job' ? wait.jobType : undefined;
}

/**
 * Variables a job of `elementInstanceId` sees: the root scope, then each enclosing
 * element instance's scope, inner names shadowing outer ones. Used when the core
 * offers no `visibleVariables` of its own.
 */
export function scopeChainVariables(state: InstanceState, elementInstanceId: string): Variables {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = elementInstanceId; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    chain.push(id);
    id = state.elementInstances[id]?.parentElementInstanceId;
  }
  const merged: Variables = { ...state.variables['root'] };
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(merged, state.variables[chain[i] as string]);
  return merged;
}
