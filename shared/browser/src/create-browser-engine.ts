import { createClient, type BatonClient } from '@baton/client';
import { createRuntimeEngineApi, type EngineApi } from '@baton/engine/isomorphic';
import { InMemoryJobQueue, InMemoryMessageBus, InMemoryProcessStore } from '@baton/memory';
import { createEngine, systemClock, type Clock, type Engine, type JobWorker, type ProcessStore } from '@baton/runtime';
import { createPageFetch } from './page-fetch.js';
import type { WebStorage } from './page-globals.js';
import { createPageIdentity, type PageIdentity, type PageIdentityOptions } from './page-identity.js';
import { WebStorageProcessStore } from './web-storage-process-store.js';

/** Options of {@link createBrowserEngine}. */
export interface BrowserEngineOptions {
  /**
   * Where instances, history and deployments live: a `Storage` (default `localStorage`:
   * they survive a reload and are shared by the origin's tabs), or `'memory'` (gone with the page).
   */
  readonly storage?: WebStorage | 'memory';
  /** Key prefix in the storage; two engines with different namespaces do not see each other. Default `baton`. */
  readonly namespace?: string;
  /** Users, groups and roles, as the node's identity file; absent: authorization is off (every call allowed). */
  readonly identity?: PageIdentityOptions;
  /** Job handlers run in the page, by job type (service tasks of those types complete without a worker elsewhere). */
  readonly handlers?: Readonly<Record<string, JobWorker>>;
  /** Default the system clock; a VirtualClock for tests and scenarios. */
  readonly clock?: Clock;
  /** Default `page`. */
  readonly nodeId?: string;
  /** Failures the engine cannot return to a caller (a handler that throws, a timer that fails). Default `console.error`. */
  readonly onError?: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
}

/**
 * The engine in a page, as the REST client sees a node: every {@link BatonClient} method
 * (deploy, start, search, user tasks, messages, signals, jobs, incidents) answered in the page.
 */
export interface BrowserEngine extends BatonClient {
  /** The page's REST door: `fetch(path, init)` for `/v2/...` paths, for code written against a node's HTTP API (the task list). */
  readonly fetch: typeof fetch;
  /** Who calls, when the engine has an identity. */
  readonly identity: PageIdentity | undefined;
  /** The engine facade the node's routes call. */
  readonly api: EngineApi;
  readonly engine: Engine;
  readonly store: ProcessStore;
  /** Calls `listener` after any change, this tab's or another's on the same storage. Returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

const defaultOnError = (error: unknown, context: Readonly<Record<string, unknown>>): void => console.error('baton engine:', error, context);

/**
 * Assembles the whole engine in a page (issue 17): model, core and runtime on a Web
 * Storage store (or memory), an in-page bus and job queue on the page's clock (timers
 * run while the page is open), identity and the node's authorization, behind the same
 * `BatonClient` as the REST client. Effects still due at the last close (a timer that
 * fell due while the tab was closed, a job not yet run) run once before this resolves.
 */
export async function createBrowserEngine(options: BrowserEngineOptions = {}): Promise<BrowserEngine> {
  const clock = options.clock ?? systemClock();
  const onError = options.onError ?? defaultOnError;
  const nodeId = options.nodeId ?? 'page';
  const store =
    options.storage === 'memory'
      ? new InMemoryProcessStore()
      : new WebStorageProcessStore({ ...(options.storage === undefined ? {} : { storage: options.storage }), ...(options.namespace === undefined ? {} : { namespace: options.namespace }) });
  const queue = new InMemoryJobQueue({ clock, onError: (e) => onError(e, { in: 'queue' }) });
  const bus = new InMemoryMessageBus({ clock, onError: (e) => onError(e, { in: 'bus' }) });
  const engine = createEngine({ nodeId, clock, store, queue, bus, onError, ...(options.handlers === undefined ? {} : { handlers: options.handlers }) });
  const api = await createRuntimeEngineApi({ engine, bus });
  // Another tab's commits wake this tab's waiters (long polls, the task list) as its own do.
  const stopExternal = store instanceof WebStorageProcessStore ? store.onExternalChange(() => void bus.publish('baton.default.events.page', {})) : () => undefined;
  await engine.sweepOutbox();
  const identity = options.identity === undefined ? undefined : createPageIdentity(options.identity);
  const pageFetch = createPageFetch({ api, nodeId, ...(identity === undefined ? {} : { identity }) });
  const client = createClient({ baseUrl: 'page:', fetch: pageFetch });
  return {
    ...client,
    fetch: pageFetch,
    identity,
    api,
    engine,
    store,
    onChange: (listener) => api.onChange(listener),
    async close() {
      stopExternal();
      await api.close();
      await Promise.all([queue.close(), bus.close(), store.close()]);
    },
  };
}
