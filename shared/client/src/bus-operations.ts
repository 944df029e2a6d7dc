import * as contract from '@baton/api';

interface NamedRoute {
  readonly operationId: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly params: number;
  /** The names of the path's parameters, in order. */
  readonly names: readonly string[];
}

/** The client's calls outside the contract, under the names the node's bus API gives them (Camunda's where it has one). */
const outsideContract: readonly (readonly [string, string, string])[] = [
  ['getTopology', 'GET', '/v2/topology'],
  ['listProcessDefinitions', 'GET', '/v2/process-definitions'],
  ['getHealthReady', 'GET', '/health/ready'],
  ['getHealthLive', 'GET', '/health/live'],
];

function route(operationId: string, method: string, path: string): NamedRoute {
  const names = (path.match(/:[A-Za-z0-9_]+/g) ?? []).map((name) => name.slice(1));
  return { operationId, method, pattern: new RegExp(`^${path.replace(/:[A-Za-z0-9_]+/g, '([^/]+)')}$`), params: names.length, names };
}

/** Routes with fewer parameters first, so `/v2/jobs/search` is never taken for `/v2/jobs/:jobKey`. */
const routes: readonly NamedRoute[] = [
  // Every operation map of the contract (`jobOperations`, …), so a family added to shared/api has its name here too.
  ...Object.entries(contract)
    .filter(([name]) => name.endsWith('Operations'))
    .flatMap(([, operations]) => Object.entries(operations as Readonly<Record<string, { method: string; path: string }>>))
    .map(([operationId, op]) => route(operationId, op.method, op.path)),
  ...outsideContract.map(([operationId, method, path]) => route(operationId, method, path)),
].sort((a, b) => a.params - b.params);

/** The operation id a request of the client is (the last token of its bus subject); undefined for a route the bus API does not name. */
export function busOperationOf(method: string, path: string): string | undefined {
  return matchOperation(method, path)?.operationId;
}

/** The operation a request names and its path parameters (URI-decoded); undefined for a route no operation has. */
export function matchOperation(method: string, path: string): { readonly operationId: string; readonly params: Readonly<Record<string, string>> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const found = candidate.pattern.exec(path);
    if (found === null) continue;
    const params = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
    return { operationId: candidate.operationId, params };
  }
  return undefined;
}
