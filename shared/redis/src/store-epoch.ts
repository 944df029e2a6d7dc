import { randomUUID } from 'node:crypto';
import { type RedisClient, withinMs } from './connection.js';

/** What one probe of the store found; see {@link StoreEpoch}. */
export interface StoreProbe {
  /** The store's epoch: a random id written beside the data when it was first used. */
  readonly epoch: string;
  /**
   * Set when the epoch this adapter saw before is gone (`found: 'missing'`) or another:
   * Redis lost the data it stood for (restarted without persistence, flushed, failed
   * over to an empty replica). The probe has written a new epoch by then.
   */
  readonly lostEpoch?: { readonly was: string; readonly found: string };
}

/**
 * The epoch marker of one store namespace (issue 12, finding 10): the key
 * `<prefix>:epoch` holds a random id, written when a node first finds it missing. Each
 * adapter remembers the id it saw; a later probe that finds none, or another, means
 * the store lost its data. Only a wholesale loss shows: a Redis restarted from an
 * older snapshot keeps the marker and loses the writes after it silently.
 */
export class StoreEpoch {
  private seen: string | undefined;

  constructor(
    private readonly client: RedisClient,
    private readonly key: string,
  ) {}

  /** One bounded round trip (two when the marker must be written); throws STORE_UNAVAILABLE past `timeoutMs`. */
  async probe(timeoutMs: number): Promise<StoreProbe> {
    const found = await withinMs(timeoutMs, `GET ${this.key}`, this.client.get(this.key));
    if (found !== null && (this.seen === undefined || found === this.seen)) {
      this.seen = found;
      return { epoch: found };
    }
    const epoch = await withinMs(timeoutMs, `SET ${this.key} NX`, this.claim());
    const was = this.seen;
    this.seen = epoch;
    return was === undefined ? { epoch } : { epoch, lostEpoch: { was, found: found ?? 'missing' } };
  }

  /** Writes a new epoch unless a peer did first; either way returns the one stored. */
  private async claim(): Promise<string> {
    const replies = await this.client.multi().set(this.key, randomUUID(), 'NX').get(this.key).exec();
    const stored = replies?.[1]?.[1];
    if (typeof stored !== 'string') throw new Error(`Redis stored no epoch under ${this.key}`);
    return stored;
  }
}
