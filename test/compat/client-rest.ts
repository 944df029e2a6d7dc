import type { createCamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import type { CamundaOperation } from './camunda-schemas.js';
import { Rest, type Answer } from './operation-drivers.js';

type Client = ReturnType<typeof createCamundaClientLoose>;
type ClientMethod = (input?: unknown, options?: unknown) => Promise<unknown>;

/** Searches and gets of the client wait for data to appear unless told not to: Baton answers from its store at once. */
const noWait = { consistency: { waitUpToMs: 0 } };

/** The path parameters of `path` (with `/v2`) named by the operation's template (`/jobs/{jobKey}`); undefined when it is not a path of the operation. */
function pathParams(operation: CamundaOperation, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([A-Za-z0-9_]+)\\?\}/g, (_match, name: string) => (names.push(name), '([^/?]+)'));
  const found = new RegExp(`^/v2${pattern}(?:\\?.*)?$`).exec(path);
  return found === null ? undefined : Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
}

/** The client's input for a REST call: path parameters and body fields in one object, a deployment's files as `resources`. */
function inputOf(params: Record<string, string>, body: unknown): Record<string, unknown> {
  const fields = body instanceof FormData ? { resources: body.getAll('resources') } : ((body ?? {}) as Record<string, unknown>);
  return { ...params, ...fields };
}

/** What the client threw, as an answer: its HTTP status and problem, or 0 and the message (a response its validation refused). */
function answerOf(error: unknown): Answer {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const status = typeof fields['status'] === 'number' ? fields['status'] : 0;
  const issues = JSON.stringify(fields['issues'] ?? (fields['cause'] as Record<string, unknown> | undefined)?.['issues'] ?? '');
  return { status, body: `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} ${issues}`.trim() };
}

/**
 * Baton's REST API where one operation at a time (`drive`) goes through Camunda's own
 * client instead: the drivers of `operation-drivers.ts` make their setup over HTTP and
 * their one driven call through `client[operationId]`, so each served operation is called
 * the way a Camunda user calls it, with the client's response validation.
 */
export class ClientRest extends Rest {
  private driven: CamundaOperation | undefined;
  /** Operations that reached the client, by operationId. */
  readonly called = new Set<string>();

  constructor(
    url: string,
    headers: Readonly<Record<string, string>>,
    private readonly client: Client,
  ) {
    super(url, headers);
  }

  /** Runs `drive` with calls of `operation` going through the client. */
  async drive(operation: CamundaOperation, drive: () => Promise<Answer>): Promise<Answer> {
    this.driven = operation;
    try {
      return await drive();
    } finally {
      this.driven = undefined;
    }
  }

  override async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const operation = this.driven;
    const params = operation === undefined || method.toUpperCase() !== operation.method.toUpperCase() ? undefined : pathParams(operation, path);
    if (operation === undefined || params === undefined) return super.call(method, path, body);
    const run = (this.client as unknown as Record<string, ClientMethod | undefined>)[operation.operationId];
    if (run === undefined) return { status: 0, body: `Camunda's client has no method ${operation.operationId}` };
    this.called.add(operation.operationId);
    try {
      const value = await run.call(this.client, inputOf(params, body), noWait);
      return { status: value === undefined || value === '' ? 204 : 200, body: value };
    } catch (error) {
      return answerOf(error);
    }
  }
}
