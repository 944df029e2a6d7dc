import { keyOfInstanceNumber } from '@baton/core';

/**
 * Ids the shell mints (instance ids, command ids): unique across the cluster by
 * the node id and a per-process session drawn from `random`, ordered by a counter.
 */
export function createIdSource(nodeId: string, random: () => number): () => string {
  const session = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  let counter = 0;
  return () => `${nodeId}-${session}-${(counter++).toString(36)}`;
}

/**
 * Fresh instance keys (numeric, see @baton/core's keys) from instance numbers the
 * store reserves in blocks: one store round trip per `blockSize` keys. The next
 * block is reserved in the background when half the current one is used, so
 * {@link KeySource.take} rarely finds none.
 */
export interface KeySource {
  /** A fresh instance key; waits for a block from the store when none is in hand. */
  next(): Promise<string>;
  /** A fresh instance key from the block in hand, without waiting; throws {@link KeysNotReady} when it is used up (then `next` waits). */
  take(): string;
  /** Resolves once a key is in hand (reserving a block when none is). */
  ready(): Promise<void>;
}

/** {@link KeySource.take} found no reserved key left; `await next()` refills. */
export class KeysNotReady extends Error {
  constructor() {
    super('No reserved instance key is in hand; the next block is being reserved from the store.');
  }
}

export function createKeySource(reserve: (count: number) => Promise<number>, blockSize = 1_000): KeySource {
  const blocks: { next: number; end: number }[] = [];
  let reserving: Promise<void> | undefined;
  const left = (): number => blocks.reduce((sum, block) => sum + block.end - block.next, 0);
  const refill = (): Promise<void> =>
    (reserving ??= reserve(blockSize)
      .then((first) => void blocks.push({ next: first, end: first + blockSize }))
      .finally(() => (reserving = undefined)));
  const take = (): string => {
    const block = blocks[0];
    if (block === undefined) throw new KeysNotReady();
    const key = keyOfInstanceNumber(block.next++);
    if (block.next === block.end) blocks.shift();
    // Reserve ahead; a failure here shows on the `next` that finds nothing left.
    if (left() < blockSize / 2 && reserving === undefined) refill().catch(() => undefined);
    return key;
  };
  const ready = async (): Promise<void> => {
    while (blocks.length === 0) await refill();
  };
  return {
    take,
    ready,
    next: async () => {
      await ready();
      return take();
    },
  };
}
