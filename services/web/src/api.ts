import type { DefinitionItem, ElementStatistics, HistoryItem, InstanceDetail } from './ops-model.js';
import type { TaskForm } from './task-form.js';
import { csrfTokenFrom, problemText, type TaskItem } from './tasks.js';

/** Who is logged in, as GET /v2/auth/me says; `authEnabled` false when the node runs without authentication. */
export interface Me {
  readonly authEnabled: boolean;
  readonly username?: string;
  readonly roles: readonly string[];
  readonly groups: readonly string[];
}

export type { TaskForm };

/** A refused or failed request, with the server's problem text. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Where requests go: the node over HTTP, or the engine in the page (standalone, issue 17). */
let transport: typeof fetch = (input, init) => fetch(input, init);
/** Change notifications: the node's server-sent events, or the page engine's. Returns the stop function. */
let changeSource = (listener: () => void): (() => void) => {
  const events = new EventSource('./v2/events');
  events.addEventListener('change', listener);
  return () => events.close();
};

/** Sends every request to `fetch` and takes change notifications from `onChange` (the engine in the page). */
export function useEngine(engine: { readonly fetch: typeof fetch; onChange(listener: () => void): () => void }): void {
  transport = engine.fetch;
  changeSource = (listener) => engine.onChange(listener);
}

/** Calls `listener` on each change the engine reports; returns the stop function. */
export const onChanges = (listener: () => void): (() => void) => changeSource(listener);

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  const csrf = csrfTokenFrom(document.cookie);
  if (csrf !== undefined) headers['x-csrf-token'] = csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await transport(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, problemText(data, res.status));
  return data as T;
}

/** Paths are relative to the page, so the app works wherever the node mounts it. */
const api = (path: string): string => `.${path}`;

export async function whoAmI(): Promise<Me | undefined> {
  try {
    const me = await call<{ username: string; roles: string[]; groups: string[] }>('GET', api('/v2/auth/me'));
    return { authEnabled: true, ...me };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { authEnabled: false, roles: [], groups: [] };
    if (error instanceof ApiError && error.status === 401) return undefined;
    throw error;
  }
}

export const logIn = (username: string, password: string): Promise<unknown> => call('POST', api('/v2/auth/login'), { username, password });
export const logOut = (): Promise<void> => call('POST', api('/v2/auth/logout'));
export const searchTasks = async (): Promise<TaskItem[]> => (await call<{ items: TaskItem[] }>('POST', api('/v2/user-tasks/search'), { filter: { state: 'CREATED' } })).items;
export const claim = (key: string, assignee: string): Promise<void> => call('POST', api(`/v2/user-tasks/${encodeURIComponent(key)}/assignment`), { assignee });
export const unclaim = (key: string): Promise<void> => call('DELETE', api(`/v2/user-tasks/${encodeURIComponent(key)}/assignee`));
/** The task's form: 8.8's FormResult with the form-js schema, and the variables to fill it with. */
export const formOf = (key: string): Promise<TaskForm> => call<TaskForm>('GET', api(`/v2/user-tasks/${encodeURIComponent(key)}/form`));
export const complete = (key: string, variables: Record<string, unknown>): Promise<void> =>
  call('POST', api(`/v2/user-tasks/${encodeURIComponent(key)}/completion`), { variables });

export type { DefinitionItem };

/** An instance as the search lists it. */
export interface InstanceItem {
  readonly processInstanceKey: string;
  readonly processDefinitionId: string;
  readonly processDefinitionVersion: number;
  readonly state: string;
  readonly hasIncident: boolean;
  readonly startDate: string;
}

export const listDefinitions = async (): Promise<DefinitionItem[]> => (await call<{ items: DefinitionItem[] }>('GET', api('/v2/process-definitions'))).items;
export async function definitionXml(key: string): Promise<string> {
  const res = await transport(api(`/v2/process-definitions/${encodeURIComponent(key)}/xml`), { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, problemText(await res.json().catch(() => undefined), res.status));
  return res.text();
}
export const searchInstances = async (state: string): Promise<InstanceItem[]> =>
  (await call<{ items: InstanceItem[] }>('POST', api('/v2/process-instances/search'), { filter: state === '' ? {} : { state }, page: { limit: 200 } })).items;
export const getInstance = (key: string): Promise<InstanceDetail> => call('GET', api(`/v2/process-instances/${encodeURIComponent(key)}`));
export type HistoryEntry = HistoryItem;
export const historyOf = async (key: string): Promise<HistoryItem[]> => (await call<{ items: HistoryItem[] }>('GET', api(`/v2/process-instances/${encodeURIComponent(key)}/history`))).items;
export const cancelInstance = (key: string): Promise<void> => call('POST', api(`/v2/process-instances/${encodeURIComponent(key)}/cancellation`), {});
export const resolveIncident = (key: string): Promise<void> => call('POST', api(`/v2/incidents/${encodeURIComponent(key)}/resolution`), {});
/** How many element instances of the definition's instances are active, in incident, completed, per element. */
export const definitionStatistics = async (key: string): Promise<ElementStatistics[]> =>
  (await call<{ items: ElementStatistics[] }>('POST', api(`/v2/process-definitions/${encodeURIComponent(key)}/statistics/element-instances`), {})).items;
