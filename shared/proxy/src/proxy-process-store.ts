import { BatonError, isErrorCode, type ErrorDetails } from '@baton/errors';
import type {
  BufferedMessage,
  CommitRequest,
  DeploymentRecord,
  DeploymentSummary,
  FormRecord,
  HistoryEntry,
  IncidentQuery,
  IndexedIncident,
  IndexedJob,
  IndexedMessageSubscription,
  IndexedSignalSubscription,
  IndexedUserTask,
  IndexedWait,
  InstanceQuery,
  InstanceSummary,
  JobQuery,
  MessageIdClaim,
  NewDeployment,
  OutboxEntry,
  Page,
  PageRequest,
  ProcessStore,
  StartEventTarget,
  UserTaskQuery,
  VersionedState,
} from '@baton/runtime';
import { parseStoreUrl, type ProxyCredentials } from './proxy-url.js';
import { storeOperationPath, storeRequestBody, type StoreOperation } from './store-protocol.js';
import { base64Utf8, web, type FetchLike, type FetchResponse } from './web-globals.js';

/** Options of {@link proxyStore}. */
export interface ProxyStoreOptions {
  /**
   * The Baton node that holds the state: `baton+http(s)://[userinfo@]host[:port][/prefix]`
   * or plain `http(s)://…`. Userinfo `user:password` is HTTP Basic, a lone `baton_…` an API key.
   */
  readonly url: string;
  /** Credentials of a principal with the role `store` on that node; win over the URL's userinfo. */
  readonly credentials?: ProxyCredentials;
  /** How long one call may wait for its answer, ms; past it STORE_UNAVAILABLE. Default 10 000. */
  readonly timeoutMs?: number;
  /** A `fetch` to send with instead of the global one. */
  readonly fetch?: FetchLike;
}

const defaultTimeoutMs = 10_000;

function authHeaders(credentials: ProxyCredentials | undefined): Record<string, string> {
  if (credentials === undefined) return {};
  if (credentials.apiKey !== undefined) return { 'x-api-key': credentials.apiKey };
  if (credentials.bearerToken !== undefined) return { authorization: `Bearer ${credentials.bearerToken}` };
  if (credentials.username !== undefined) return { authorization: `Basic ${base64Utf8(`${credentials.username}:${credentials.password ?? ''}`)}` };
  return {};
}

interface ProblemBody {
  readonly code?: unknown;
  readonly detail?: unknown;
  readonly details?: unknown;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const nothingHalfApplied = 'Nothing is half-applied: the node applies each call, a commit included, entirely or not at all.';

/**
 * A ProcessStore whose data lives on another Baton node (issue 17), reached over its
 * store API (`POST /v2/store/<operation>`) with `fetch` only, so it runs in Node and in a
 * browser alike. Each method is one request the remote node runs on its own store, so
 * the contract holds end to end: a commit is applied atomically there, its version check
 * is the remote store's (a stale commit gets `VERSION_CONFLICT`), and the remote node's
 * authorization applies (its principal needs the role `store`). A node that does not
 * answer, a lost connection or a timeout is `STORE_UNAVAILABLE`; a refusal keeps the
 * remote code (`UNAUTHENTICATED`, `FORBIDDEN`, `VALIDATION_FAILED`, …).
 */
export class ProxyProcessStore implements ProcessStore {
  /** The remote node's URL without credentials (for logs). */
  readonly url: string;
  private readonly headers: Readonly<Record<string, string>>;
  private readonly timeoutMs: number;
  private readonly fetch: FetchLike;
  private readonly closing = new web.AbortController();
  private isClosed = false;

  constructor(options: ProxyStoreOptions) {
    const parsed = parseStoreUrl(options.url);
    this.url = parsed.baseUrl;
    this.headers = {
      ...authHeaders(options.credentials ?? parsed.credentials),
      'content-type': 'application/json',
      accept: 'application/json, application/problem+json',
    };
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const globalFetch = web.fetch;
    if (options.fetch === undefined && globalFetch === undefined) throw new BatonError('VALIDATION_FAILED', 'The proxy store needs fetch, which this JavaScript runtime lacks; pass options.fetch.', { field: 'fetch' });
    // Bound: a browser's fetch called as a method of another object throws "Illegal invocation".
    this.fetch = options.fetch ?? (globalFetch as FetchLike).bind(globalThis);
  }

  load(instanceId: string): Promise<VersionedState | undefined> {
    return this.call('load', [instanceId]);
  }
  commit(request: CommitRequest): Promise<number> {
    return this.call('commit', [request]);
  }
  findUserTasks(query: UserTaskQuery): Promise<Page<IndexedUserTask>> {
    return this.call('findUserTasks', [query]);
  }
  findJobs(query: JobQuery): Promise<Page<IndexedJob>> {
    return this.call('findJobs', [query]);
  }
  findIncidents(query: IncidentQuery): Promise<Page<IndexedIncident>> {
    return this.call('findIncidents', [query]);
  }
  findWait(key: string): Promise<IndexedWait | undefined> {
    return this.call('findWait', [key]);
  }
  findMessageSubscriptions(messageName: string, correlationKey: string | undefined): Promise<readonly IndexedMessageSubscription[]> {
    return this.call('findMessageSubscriptions', [messageName, correlationKey]);
  }
  findSignalSubscriptions(signalName: string): Promise<readonly IndexedSignalSubscription[]> {
    return this.call('findSignalSubscriptions', [signalName]);
  }
  findInstances(query: InstanceQuery): Promise<Page<InstanceSummary>> {
    return this.call('findInstances', [query]);
  }
  readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>> {
    return this.call('readHistory', [instanceId, page]);
  }
  saveDeployment(deployment: NewDeployment): Promise<{ readonly record: DeploymentRecord; readonly isNew: boolean }> {
    return this.call('saveDeployment', [deployment]);
  }
  getDeployment(definitionKey: string): Promise<DeploymentRecord | undefined> {
    return this.call('getDeployment', [definitionKey]);
  }
  latestDeployment(processId: string): Promise<DeploymentRecord | undefined> {
    return this.call('latestDeployment', [processId]);
  }
  deleteDeployment(definitionKey: string, deletedAt: number): Promise<{ readonly newLatest?: DeploymentRecord } | undefined> {
    return this.call('deleteDeployment', [definitionKey, deletedAt]);
  }
  listDeployments(query: { readonly processId?: string }): Promise<readonly DeploymentSummary[]> {
    return this.call('listDeployments', [query]);
  }
  async saveForm(form: FormRecord): Promise<void> {
    await this.call('saveForm', [form]);
  }
  getForm(formId: string): Promise<FormRecord | undefined> {
    return this.call('getForm', [formId]);
  }
  findMessageStartEvents(messageName: string): Promise<readonly StartEventTarget[]> {
    return this.call('findMessageStartEvents', [messageName]);
  }
  findSignalStartEvents(signalName: string): Promise<readonly StartEventTarget[]> {
    return this.call('findSignalStartEvents', [signalName]);
  }
  claimMessageId(claim: MessageIdClaim): Promise<boolean> {
    return this.call('claimMessageId', [claim]);
  }
  async bufferMessage(message: BufferedMessage): Promise<void> {
    await this.call('bufferMessage', [message]);
  }
  takeBufferedMessage(messageName: string, correlationKey: string | undefined, now: number): Promise<BufferedMessage | undefined> {
    return this.call('takeBufferedMessage', [messageName, correlationKey, now]);
  }
  reserveKeys(count: number): Promise<number> {
    return this.call('reserveKeys', [count]);
  }
  readOutbox(query: { readonly committedBefore: number; readonly limit: number }): Promise<readonly OutboxEntry[]> {
    return this.call('readOutbox', [query]);
  }
  async ackOutbox(outboxIds: readonly string[]): Promise<void> {
    await this.call('ackOutbox', [outboxIds]);
  }

  /**
   * Asks the remote store for a wait no key can name, within `timeoutMs`: resolves while
   * the node and its store answer this store's credentials, rejects (STORE_UNAVAILABLE, or
   * the refusal) otherwise. For a node's readiness; the epoch is the URL (a loss of the
   * remote store's data is the remote node's to detect).
   */
  async probe(timeoutMs: number): Promise<{ readonly epoch: string }> {
    await this.call('findWait', ['baton:probe'], timeoutMs);
    return { epoch: this.url };
  }

  /** Aborts the calls in flight (they reject with STORE_UNAVAILABLE) and refuses further ones; idempotent. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    this.closing.abort();
  }

  /** One operation, one request: the answer's `value`, or the remote problem as a BatonError. */
  private async call<T>(operation: StoreOperation, values: readonly unknown[], timeoutMs = this.timeoutMs): Promise<T> {
    if (this.isClosed) throw this.unavailable(operation, 'the proxy store is closed', undefined);
    const signal = web.AbortSignal.any([web.AbortSignal.timeout(timeoutMs), this.closing.signal]);
    let response: FetchResponse;
    let text: string;
    try {
      response = await this.fetch(`${this.url}${storeOperationPath(operation)}`, {
        method: 'POST',
        headers: this.headers,
        body: JSON.stringify(storeRequestBody(operation, values)),
        signal,
      });
      text = await response.text();
    } catch (error) {
      throw this.unavailable(operation, this.reasonOf(error, timeoutMs), error);
    }
    if (!response.ok) throw this.refusal(operation, response, text);
    const answer = parseJson(text);
    if (typeof answer !== 'object' || answer === null) {
      throw this.unavailable(operation, `it answered ${response.status} with a body that is not the store API's JSON; is this a Baton node?`, undefined);
    }
    return (answer as { value?: T }).value as T;
  }

  private reasonOf(error: unknown, timeoutMs: number): string {
    if (this.isClosed) return 'the proxy store was closed while the call was in flight';
    if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return cause instanceof Error ? cause.message : String(cause);
  }

  private unavailable(operation: StoreOperation, why: string, cause: unknown): BatonError {
    return new BatonError(
      'STORE_UNAVAILABLE',
      `The proxy store could not use the Baton node at ${this.url}: ${operation} failed (${why}). Check that the node runs and that --store (BATON_STORE) names it. ${nothingHalfApplied}`,
      { store: this.url, operation },
      cause === undefined ? undefined : { cause },
    );
  }

  /** A non-2xx answer: the remote store's code (its message as is), or what the status says. */
  private refusal(operation: StoreOperation, response: FetchResponse, text: string): BatonError {
    const problem = (parseJson(text) ?? {}) as ProblemBody;
    const remoteDetails = typeof problem.details === 'object' && problem.details !== null ? (problem.details as ErrorDetails) : {};
    const details: ErrorDetails = { ...remoteDetails, store: this.url, operation, status: response.status };
    const detail = typeof problem.detail === 'string' ? problem.detail : `${response.status} ${response.statusText}`;
    const code = isErrorCode(problem.code) ? problem.code : undefined;
    // No code: not a Baton answer (a gateway's 502). NOT_FOUND: a node without the store
    // API (an edge node, an older Baton), since no store method throws it.
    if (code === undefined || code === 'NOT_FOUND') {
      const why = code === 'NOT_FOUND' ? 'the node serves no store API here: is it a Baton node with a store, of this version?' : `it answered ${detail}`;
      return this.unavailable(operation, why, undefined);
    }
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
      return new BatonError(code, `The Baton node at ${this.url} refused the proxy store's ${operation}: ${detail} A proxy store needs credentials of a user or API key with the role "store" there.`, details);
    }
    return new BatonError(code, detail, details);
  }
}

/** A {@link ProxyProcessStore}: `{ store: proxyStore({ url, credentials }) }`. */
export function proxyStore(options: ProxyStoreOptions): ProxyProcessStore {
  return new ProxyProcessStore(options);
}
