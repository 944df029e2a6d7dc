import { pageGlobals } from './page-globals.js';

/** Mutual exclusion for the writers of one store: across the tabs of an origin, or within one page. */
export interface TabLock {
  /** Runs `work` when no other holder of the lock runs; releases it when `work` settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** A lock within this page only: writers run one after the other, in call order. */
export function createPageLock(): TabLock {
  let tail: Promise<void> = Promise.resolve();
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const result = tail.then(work);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}

/**
 * The Web Locks API's exclusive lock `name`, held by one tab of the origin at a time (a
 * closed tab's lock is released by the browser); a page without it gets {@link createPageLock}.
 */
export function createTabLock(name: string): TabLock {
  const locks = pageGlobals.navigator?.locks;
  if (locks === undefined) return createPageLock();
  return { run: <T>(work: () => Promise<T>): Promise<T> => locks.request(name, work) };
}
