import { incidentOperations, processInstanceOperations, userTaskOperations } from '@baton/api';
import type { IResolvers } from 'mercurius';
import type { EngineApi } from '../engine-api.js';
import type { RestCaller } from './rest-call.js';
import { pathOf, type GraphqlContext, type Page } from './rest-paths.js';

type OnChange = EngineApi['onChange'];

/** A burst of changes (one commit per step of an instance) costs each subscriber one re-read per this many ms. */
const coalesceMs = 50;

/**
 * An iterator of what `read` answers: once at once, then after each engine change whose
 * re-read differs from the last value sent. Changes within `coalesceMs`, or arriving during
 * a read, coalesce into one more read. `return()` (the client stopped) unsubscribes at once,
 * even while waiting. A read that fails (the caller may no longer read it) ends the
 * iterator with its error.
 */
export function watch<T>(read: () => Promise<T>, onChange: OnChange): AsyncIterableIterator<T> {
  let isDirty = true;
  let isDone = false;
  let wake: (() => void) | undefined;
  let last: string | undefined;
  const unsubscribe = onChange(() => {
    isDirty = true;
    wake?.();
  });
  const finish = async (): Promise<IteratorResult<T>> => {
    isDone = true;
    unsubscribe();
    wake?.();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (!isDone) {
        if (!isDirty) {
          await new Promise<void>((resolve) => (wake = resolve));
          await new Promise<void>((resolve) => setTimeout(resolve, coalesceMs));
          continue;
        }
        isDirty = false;
        const value = await read().catch(async (error: unknown) => {
          await finish();
          throw error;
        });
        const text = JSON.stringify(value);
        if (text !== last && !isDone) {
          last = text;
          return { done: false, value };
        }
      }
      return { done: true, value: undefined };
    },
    return: finish,
    async throw(error: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** A search's items as the subscriber may read them (one page of the largest size). */
const searchItems = (rest: RestCaller, path: string, filter: unknown, limit: number) => async (): Promise<readonly unknown[]> =>
  (await rest<Page<unknown>>({ method: 'POST', url: path, payload: { ...(filter === null || filter === undefined ? {} : { filter }), page: { limit } } })).items;

/**
 * `engine.onInstanceChange`, or no change at all where the engine has no store: an edge
 * node's engine answers every method but `onChange` with a rejected promise (its routes
 * hand off to a peer), so there a subscription sends its first value only.
 */
function onInstanceChange(engine: Pick<EngineApi, 'onChange' | 'onInstanceChange'>, key: string): OnChange {
  return (listener) => {
    const unsubscribe: unknown = engine.onInstanceChange(key, listener);
    if (typeof unsubscribe === 'function') return unsubscribe as () => void;
    void Promise.resolve(unsubscribe).catch(() => undefined);
    return engine.onChange(listener);
  };
}

/** What `read` answers under the subscription field's name, as graphql-js resolves each event. */
const named =
  (field: string, read: () => Promise<unknown>) =>
  async (): Promise<Record<string, unknown>> => ({ [field]: await read() });

/**
 * The subscriptions. Each event is the subscriber's own authorized REST read (credentials
 * from the WebSocket upgrade and connection_init), re-run after every engine change (an
 * instance's, after its own); the engine's changes include those committed by other nodes
 * on the same bus.
 */
export function subscriptionResolvers(engine: Pick<EngineApi, 'onChange' | 'onInstanceChange'>, pageSize: number): IResolvers {
  const onChange: OnChange = (listener) => engine.onChange(listener);
  return {
    Subscription: {
      processInstance: {
        subscribe: (_source: unknown, args: { key: string }, { rest }: GraphqlContext) =>
          // Re-read on this instance's changes only (its tasks and incidents are its own).
          watch(
            named('processInstance', () => rest({ method: 'GET', url: pathOf(processInstanceOperations.getProcessInstance, { processInstanceKey: args.key }) })),
            onInstanceChange(engine, args.key),
          ),
      },
      userTasks: {
        subscribe: (_source: unknown, args: { filter?: unknown }, { rest }: GraphqlContext) =>
          watch(named('userTasks', searchItems(rest, pathOf(userTaskOperations.searchUserTasks), args.filter, pageSize)), onChange),
      },
      incidents: {
        subscribe: (_source: unknown, args: { filter?: unknown }, { rest }: GraphqlContext) =>
          watch(named('incidents', searchItems(rest, pathOf(incidentOperations.searchIncidents), args.filter, pageSize)), onChange),
      },
    },
  };
}
