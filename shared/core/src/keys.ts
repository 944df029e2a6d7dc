/**
 * Keys as Camunda 8 writes them: decimal strings of a positive 64-bit integer.
 *
 * A Baton key is `instanceNumber * 2^25 + seq`. The shell reserves instance numbers
 * from the store in blocks (one round trip per block, never per key); an instance's
 * own key has `seq` 0 and every key minted inside it (element instances, jobs, user
 * tasks, timers, subscriptions, incidents, variables) adds the instance's `state.seq`.
 * So a key names its instance without a lookup ({@link instanceKeyOf}), keys of one
 * instance rise with creation, and instance keys rise with creation on each node
 * (across nodes they interleave by block). Definitions, deployments, forms, messages
 * and signals take an instance number of their own.
 *
 * Ids that are not numeric (tests and fixtures that name instances `order-1`) keep
 * the older `${instanceId}.${seq}` form, so the core stays usable with readable ids.
 */

/** Bits of the per-instance sequence: 33,554,431 keys per instance. */
export const keySeqBits = 25;
const seqSpan = 1n << BigInt(keySeqBits);
/** 2^63 - 1: Camunda's keys are signed 64-bit integers. */
const maxKey = (1n << 63n) - 1n;
/** The largest instance number that keeps every key of its instance within 63 bits. */
export const maxInstanceNumber = Number(maxKey >> BigInt(keySeqBits));

const numeric = /^[1-9][0-9]{0,18}$/;

/** Whether `key` is a numeric key (a decimal positive integer within 63 bits). */
export function isNumericKey(key: string): boolean {
  return numeric.test(key) && BigInt(key) <= maxKey;
}

/** The key of instance number `n` (1 ≤ n ≤ {@link maxInstanceNumber}). */
export function keyOfInstanceNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > maxInstanceNumber) throw new RangeError(`instance number ${n} is outside 1..${maxInstanceNumber}`);
  return (BigInt(n) << BigInt(keySeqBits)).toString();
}

/** The `seq`-th key inside the instance keyed `instanceKey`. */
export function childKey(instanceKey: string, seq: number): string {
  if (!isNumericKey(instanceKey)) return `${instanceKey}.${seq}`;
  if (seq >= Number(seqSpan)) throw new KeySpaceExhausted(instanceKey);
  return (BigInt(instanceKey) + BigInt(seq)).toString();
}

/** The instance a key was minted in (itself for an instance key); undefined for a string that is no key. */
export function instanceKeyOf(key: string): string | undefined {
  if (isNumericKey(key)) return ((BigInt(key) >> BigInt(keySeqBits)) << BigInt(keySeqBits)).toString();
  const dot = key.lastIndexOf('.');
  return dot <= 0 ? undefined : key.slice(0, dot);
}

/** An instance minted all {@link keySeqBits} keys of its own; the command is refused. */
export class KeySpaceExhausted extends Error {
  constructor(readonly instanceKey: string) {
    super(`Instance ${instanceKey} has minted ${Number(seqSpan) - 1} keys, all it can hold; it cannot create more element instances.`);
  }
}
