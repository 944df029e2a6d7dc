import * as contract from '@baton/api';
import { camundaOperations } from '../camunda-operations.js';

/** An operation the bus client API serves: its name (the subject's last token) and its REST route. */
export interface BusOperation {
  readonly operationId: string;
  readonly method: string;
  /** Fastify's syntax: `/v2/jobs/:jobKey/completion`. */
  readonly path: string;
}

/** Baton's routes outside the contract and Camunda 8.8, under the names the client uses. */
const batonOnly: readonly BusOperation[] = [
  { operationId: 'listProcessDefinitions', method: 'GET', path: '/v2/process-definitions' },
  { operationId: 'getHealthReady', method: 'GET', path: '/health/ready' },
  { operationId: 'getHealthLive', method: 'GET', path: '/health/live' },
];

/** Every operation map of the contract (`jobOperations`, …): a family added to shared/api is served with no change here. */
const contractOperations = Object.entries(contract)
  .filter(([name]) => name.endsWith('Operations'))
  .flatMap(([, operations]) => Object.entries(operations as Readonly<Record<string, { method: string; path: string }>>))
  .map(([operationId, op]): BusOperation => ({ operationId, method: op.method, path: op.path }));

const camunda = camundaOperations.map(
  (op): BusOperation => ({ operationId: op.operationId, method: op.method, path: `/v2${op.path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1')}` }),
);

/**
 * Every operation by name: the contract's (shared/api) first, then Camunda 8.8's list
 * (the operations Baton answers 501 to included, so the bus answers as REST does), then
 * Baton's own; where two name one operation, the earlier wins.
 */
export const busOperations: ReadonlyMap<string, BusOperation> = new Map([...batonOnly, ...camunda, ...contractOperations].map((op) => [op.operationId, op]));

/** Whether `path` (no query) is one `template` matches: each `:param` one non-empty segment. */
export function matchesPath(template: string, path: string): boolean {
  const pattern = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}

/** The operation's path with `params` filled in (URI-encoded); the name of a missing one otherwise. */
export function fillPath(template: string, params: Readonly<Record<string, string>>): { path: string } | { missing: string } {
  let missing: string | undefined;
  const path = template.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') missing ??= name;
    return encodeURIComponent(value ?? '');
  });
  return missing === undefined ? { path } : { missing };
}
