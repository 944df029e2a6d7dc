import type { AsyncContinuation } from './definition.js';
import { attr, body, extension, flag, type ModdleElement } from './moddle.js';

/** Camunda 7's default number of attempts of a job (a continuation included). */
const defaultRetries = 3;

/** `true` as Camunda 7's descriptor reads it, or `"true"` as an unknown attribute of another flavour keeps it. */
function isSet(node: ModdleElement, name: string): boolean {
  return flag(node, name, false) || node.$attrs?.[name]?.trim() === 'true';
}

/**
 * Camunda 7 async continuations (issue 16): `camunda:asyncBefore` (or the older
 * `camunda:async`) and `camunda:asyncAfter`, with the attempts of
 * `camunda:failedJobRetryTimeCycle` (`R5/PT5M` is 5; its intervals are not kept).
 * Zeebe has no equivalent attribute: every Zeebe step is already its own commit.
 */
export function readAsyncContinuation(node: ModdleElement): AsyncContinuation | undefined {
  const before = isSet(node, 'camunda:asyncBefore') || isSet(node, 'camunda:async');
  const after = isSet(node, 'camunda:asyncAfter');
  if (!before && !after) return undefined;
  const cycle = body(extension(node, 'camunda:FailedJobRetryTimeCycle')) ?? attr(extension(node, 'camunda:FailedJobRetryTimeCycle'), 'body');
  const repeat = cycle === undefined ? undefined : /^\s*R(\d+)\//.exec(cycle)?.[1];
  const retries = repeat === undefined ? defaultRetries : Math.max(1, Number(repeat));
  return { before, after, retries };
}
