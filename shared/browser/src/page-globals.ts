/**
 * The page's globals this package uses, typed here rather than from the DOM library, so
 * its sources type-check in the tests' Node program too.
 */
export interface WebStorage {
  readonly length: number;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  clear(): void;
}

/** The Web Locks API's `navigator.locks`, as far as this package uses it. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** Where `storage` events arrive: the window. */
export type EventSource = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

interface PageGlobals {
  readonly localStorage?: WebStorage;
  readonly sessionStorage?: WebStorage;
  readonly navigator?: { readonly locks?: LockManagerLike };
  readonly window?: EventSource;
}

/** `globalThis` as a page has it; each member is absent elsewhere (a worker, Node). */
export const pageGlobals = globalThis as unknown as PageGlobals;
