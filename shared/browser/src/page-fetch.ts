import { matchOperation } from '@baton/client';
import { BatonError, isBatonError, statusOf, type ErrorCode } from '@baton/errors';
import { checkObject, checkRole, type DeployResource, type EngineApi, type Principal } from '@baton/engine/isomorphic';
import { pageOperations, type OperationResult } from './page-operations.js';
import type { PageIdentity } from './page-identity.js';

/** Options of {@link createPageFetch}. */
export interface PageFetchOptions {
  readonly api: EngineApi;
  /** Who calls; absent: authorization is off, as on a node without `--auth`. */
  readonly identity?: PageIdentity;
  readonly nodeId: string;
}

function problem(error: unknown, path: string): Response {
  const known = isBatonError(error) ? error : new BatonError('INTERNAL', `The page's engine failed on ${path}: ${String(error)}`, {}, { cause: error });
  const status = statusOf(known.code);
  const body = { type: `urn:baton:error:${known.code}`, title: known.code, status, code: known.code, detail: known.message, instance: path, details: known.details };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
}

const refuse = (code: ErrorCode, message: string, details: Record<string, unknown> = {}): never => {
  throw new BatonError(code, message, details);
};

async function readBody(init: RequestInit): Promise<{ body: unknown; resources: DeployResource[] }> {
  const raw = init.body;
  if (raw === undefined || raw === null) return { body: undefined, resources: [] };
  if (raw instanceof FormData) {
    const resources: DeployResource[] = [];
    for (const [field, value] of raw.entries()) {
      if (field !== 'resources' || typeof value === 'string') continue;
      resources.push({ name: value.name, xml: await value.text() });
    }
    return { body: undefined, resources };
  }
  const text = typeof raw === 'string' ? raw : await new Response(raw).text();
  const contentType = new Headers(init.headers).get('content-type') ?? 'application/json';
  if (contentType.includes('xml')) return { body: undefined, resources: [{ name: 'resource.bpmn', xml: text }] };
  return { body: text === '' ? undefined : (JSON.parse(text) as unknown), resources: [] };
}

function respond(result: OperationResult): Response {
  if ('none' in result) return new Response(null, { status: 204 });
  if ('xml' in result) return new Response(result.xml, { status: 200, headers: { 'content-type': 'text/xml' } });
  return new Response(JSON.stringify(result.json), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** The routes of the node's sign-in the task list uses (`/v2/auth/*`), on the page's identity. */
async function authRoute(method: string, path: string, body: unknown, identity: PageIdentity | undefined): Promise<Response | undefined> {
  if (!path.startsWith('/v2/auth/')) return undefined;
  if (identity === undefined) return problem(new BatonError('NOT_FOUND', 'Authentication is off in this page: every caller may do everything.'), path);
  if (method === 'GET' && path === '/v2/auth/me') {
    const me = identity.current() ?? refuse('UNAUTHENTICATED', 'Nobody is signed in to this page; sign in as one of its users.');
    return respond({ json: { username: me.subject, roles: me.roles, groups: me.groups } });
  }
  if (method === 'POST' && path === '/v2/auth/login') {
    const { username, password } = (body ?? {}) as { username?: string; password?: string };
    identity.signIn(username ?? '', password);
    return respond({ none: true });
  }
  if (method === 'POST' && path === '/v2/auth/logout') {
    identity.signOut();
    return respond({ none: true });
  }
  return undefined;
}

/**
 * A `fetch` that answers the node's REST routes inside the page (issue 17): the path
 * names an operation of the contract, the page's identity is the caller, the node's
 * role and per-object checks run, then the engine facade the node's route calls. So the
 * REST client (`createClient({ fetch })`) and the task list work unchanged against the
 * engine in the page; errors come back as the node's problem bodies and codes.
 */
export function createPageFetch(options: PageFetchOptions): typeof fetch {
  const { api, identity } = options;
  return async (input, init = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://page.invalid/');
    const path = url.pathname.replace(/^.*?(?=\/(v2|health)\/)/, '');
    const method = (init.method ?? 'GET').toUpperCase();
    try {
      const { body, resources } = await readBody(init);
      const auth = await authRoute(method, path, body, identity);
      if (auth !== undefined) return auth;
      if (path === '/v2/topology') return respond({ json: { nodeId: options.nodeId, version: 'page', gatewayVersion: 'page', capabilities: [], clusterSize: 1, peers: [] } });
      if (path === '/health/ready' || path === '/health/live') return respond({ json: { status: 'UP' } });
      const matched = matchOperation(method, path);
      const operation = matched === undefined ? undefined : pageOperations[matched.operationId];
      if (matched === undefined || operation === undefined) {
        return problem(new BatonError('NOT_IMPLEMENTED', `The engine in this page has no operation for ${method} ${path}; a node serves it over HTTP.`, { method, path }), path);
      }
      const principal = identity?.current();
      if (identity !== undefined && principal === undefined) refuse('UNAUTHENTICATED', 'Nobody is signed in to this page; sign in as one of its users.');
      if (principal !== undefined) {
        checkRole(principal, operation.access as Exclude<typeof operation.access, 'public'>);
        await checkObject(principal, operation.access as Exclude<typeof operation.access, 'public'>, { params: matched.params, body: body as Record<string, unknown> | undefined }, api);
      }
      const query = Object.fromEntries(url.searchParams);
      return respond(await operation.run(api, { params: matched.params, query, body, resources, principal: principal as Principal | undefined }));
    } catch (error) {
      return problem(error, path);
    }
  };
}
