import { incidentOperations, processDefinitionOperations, processInstanceOperations, userTaskOperations } from '@baton/api';
import type { MercuriusLoaders } from 'mercurius';
import type { RestCaller } from './rest-call.js';
import { pathOf, type GraphqlContext, type Page } from './rest-paths.js';

/** Items a batch reads per REST page when it reads every open item: REST's largest page, as a task search reads every open task whatever its page. */
const batchPageSize = 10_000;

interface ByInstance {
  readonly processInstanceKey: string;
}

interface InstanceSource {
  readonly obj: { readonly processInstanceKey: string; readonly hasIncident?: boolean };
}

/** Every item the search answers to `filter`, page after page (by cursor). */
async function everyPage<T>(rest: RestCaller, url: string, filter: Record<string, unknown>): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  for (;;) {
    const answer = await rest<Page<T>>({ method: 'POST', url, payload: { filter, page: { limit: batchPageSize, ...(after === undefined ? {} : { after }) } } });
    items.push(...answer.items);
    after = answer.page.endCursor;
    if (answer.items.length < batchPageSize || after === undefined) return items;
  }
}

/**
 * The open items of each instance of `keys`, in the order of `keys`, from as few REST
 * searches as the contract allows: one filtered search for a single instance; for more,
 * one read of every open item the caller may see (a page at a time), grouped here, so a
 * page of instances costs the same calls whatever its size (no N+1).
 */
async function openItemsByInstance<T extends ByInstance>(rest: RestCaller, url: string, keys: readonly string[]): Promise<T[][]> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return [];
  const filter = wanted.length === 1 ? { processInstanceKey: wanted[0] } : {};
  const items = await everyPage<T>(rest, url, filter);
  const grouped = new Map<string, T[]>(wanted.map((key) => [key, []]));
  for (const item of items) grouped.get(item.processInstanceKey)?.push(item);
  return keys.map((key) => grouped.get(key) ?? []);
}

/**
 * A loader of the object each item names by `param` (`processInstanceKey` → its instance):
 * one GET per distinct key of the batch, so a page of tasks of one instance reads it once.
 * A refused or failed read is that item's error (null with an error in the answer), not the page's.
 */
function referenced(operation: { readonly path: string }, param: string) {
  return async (queries: { readonly obj: Readonly<Record<string, unknown>> }[], { rest }: GraphqlContext): Promise<unknown[]> => {
    const keys = queries.map((q) => String(q.obj[param]));
    const reads = new Map([...new Set(keys)].map((key) => [key, rest({ method: 'GET', url: pathOf(operation, { [param]: key }) }).catch((error: unknown) => error)]));
    return Promise.all(keys.map((key) => reads.get(key)));
  };
}

/** Nested fields of a page, each loaded for the whole page at once (mercurius loaders: per request, per field). */
export const loaders: MercuriusLoaders = {
  ProcessInstance: {
    processDefinition: referenced(processDefinitionOperations.getProcessDefinition, 'processDefinitionKey'),
    async userTasks(queries: InstanceSource[], { rest }: GraphqlContext) {
      return openItemsByInstance(rest, pathOf(userTaskOperations.searchUserTasks), queries.map((q) => q.obj.processInstanceKey));
    },
    async incidents(queries: InstanceSource[], { rest }: GraphqlContext) {
      // An instance that says it has no incident needs no read.
      const withIncident = queries.filter((q) => q.obj.hasIncident !== false).map((q) => q.obj.processInstanceKey);
      const found = await openItemsByInstance(rest, pathOf(incidentOperations.searchIncidents), withIncident);
      const byKey = new Map(withIncident.map((key, index) => [key, found[index] ?? []]));
      return queries.map((q) => byKey.get(q.obj.processInstanceKey) ?? []);
    },
  },
  UserTask: {
    processInstance: referenced(processInstanceOperations.getProcessInstance, 'processInstanceKey'),
  },
  Incident: {
    processInstance: referenced(processInstanceOperations.getProcessInstance, 'processInstanceKey'),
  },
};
