/** The Web Storage interface over a Map, for unit tests in Node; `quotaChars` makes `setItem` throw as a full browser storage does. */
import type { WebStorage } from '../page-globals.js';

export class MapStorage implements WebStorage {
  private readonly items = new Map<string, string>();
  constructor(private readonly quotaChars = Number.POSITIVE_INFINITY) {}
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quotaChars) {
      throw Object.assign(new Error(`Setting the value of '${key}' exceeded the quota.`), { name: 'QuotaExceededError' });
    }
    this.items.set(key, value);
  }
}
