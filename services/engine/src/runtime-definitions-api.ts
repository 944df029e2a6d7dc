import { defaultTenantId, filterValue } from '@baton/api';
import type { DeploymentMetadataResult, ProcessDefinitionFilter, ProcessDefinitionResult, ProcessDefinitionSearchQuery, ProcessElementStatisticsResult } from '@baton/api';
import { BatonError } from '@baton/errors';
import type { DecisionRequirementsRecord, DeploymentSummary, Engine } from '@baton/runtime';
import type { DefinitionsApi } from './definitions-api.js';
import { definitionResult, requirementsResult } from './runtime-decisions-api.js';
import type { EngineApi } from './engine-api.js';
import { searchPage, searchWindow } from './search-page.js';

/** The `id` of a deployed form's JSON (the runtime checked it on deploy). */
function formIdOf(json: string): string {
  return String((JSON.parse(json) as { id?: unknown }).id);
}

function toResult(record: DeploymentSummary): ProcessDefinitionResult {
  return {
    ...(record.name === undefined ? {} : { name: record.name }),
    resourceName: record.resourceName,
    version: record.version,
    processDefinitionId: record.processId,
    tenantId: defaultTenantId,
    processDefinitionKey: record.definitionKey,
    hasStartForm: false,
  };
}

/** Whether a definition passes every given filter; `latest` holds the latest version of each process. */
function matches(result: ProcessDefinitionResult, f: ProcessDefinitionFilter, latest: ReadonlyMap<string, number>): boolean {
  const equal = <T>(actual: T | undefined, wanted: T | undefined): boolean => wanted === undefined || actual === wanted;
  return (
    equal(result.name, filterValue(f.name)) &&
    equal(result.processDefinitionId, filterValue(f.processDefinitionId)) &&
    equal(result.processDefinitionKey, f.processDefinitionKey) &&
    equal(result.resourceName, f.resourceName) &&
    equal(result.version, f.version) &&
    equal(result.versionTag, f.versionTag) &&
    equal(result.tenantId, f.tenantId) &&
    equal(result.hasStartForm, f.hasStartForm) &&
    (f.isLatestVersion !== true || latest.get(result.processDefinitionId) === result.version)
  );
}

/** Definitions in the order `sort` asks for (stable: ties keep the store's order, by process id then version); keys compare as numbers. */
function sortDefinitions(items: ProcessDefinitionResult[], sort: ProcessDefinitionSearchQuery['sort']): ProcessDefinitionResult[] {
  return items.sort((x, y) => {
    for (const { field, order } of sort ?? []) {
      const a = x[field] ?? '';
      const b = y[field] ?? '';
      const by = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en', { numeric: true });
      if (by !== 0) return order?.toUpperCase() === 'DESC' ? -by : by;
    }
    return 0;
  });
}

/** The DMN files of a deployment as deployed (each the latest version with its resource name), and their decisions. */
async function deployedDecisions(engine: Engine, resources: readonly { readonly name: string }[]): Promise<DeploymentMetadataResult[]> {
  const names = new Set(resources.filter((r) => r.name.toLowerCase().endsWith('.dmn')).map((r) => r.name));
  if (names.size === 0) return [];
  const latest = new Map<string, DecisionRequirementsRecord>();
  for (const file of await engine.listDecisionRequirements()) if (names.has(file.resourceName) && (latest.get(file.resourceName)?.version ?? 0) < file.version) latest.set(file.resourceName, file);
  const decisions = await engine.listDecisionDefinitions();
  return [...latest.values()].flatMap((file): DeploymentMetadataResult[] => [
    { decisionRequirements: requirementsResult(file) },
    ...decisions.filter((d) => d.decisionRequirementsKey === file.decisionRequirementsKey).map((d) => ({ decisionDefinition: definitionResult(d) })),
  ]);
}

const statisticFields = ['active', 'canceled', 'incidents', 'completed'] as const;

/**
 * The deployment, process-definition and resource operations of the HTTP facade on
 * `@baton/runtime`'s Engine, in the contract's shapes (`@baton/api`). Element statistics
 * sum the per-instance statistics of `instances` over the definition's instances.
 */
export function runtimeDefinitionsApi(engine: Engine, instances: Pick<EngineApi, 'searchInstances' | 'getElementStatistics'>): DefinitionsApi {
  /** The deployed version with that key; DEFINITION_NOT_FOUND when there is none. */
  const summaryOf = async (definitionKey: string): Promise<DeploymentSummary> => {
    const { processId } = await engine.getDefinition(definitionKey);
    const found = (await engine.listDefinitions({ processId })).find((record) => record.definitionKey === definitionKey);
    // getDefinition may answer from this node's cache after a peer deleted the version.
    if (found === undefined) throw new BatonError('DEFINITION_NOT_FOUND', `No deployed definition "${definitionKey}"; search the process definitions to see what is deployed.`, { definitionKey });
    return found;
  };

  async function searchProcessDefinitions(query: ProcessDefinitionSearchQuery) {
    const all = await engine.listDefinitions();
    const latest = new Map<string, number>();
    for (const record of all) latest.set(record.processId, Math.max(latest.get(record.processId) ?? 0, record.version));
    const found = sortDefinitions(all.map(toResult).filter((result) => matches(result, query.filter ?? {}, latest)), query.sort);
    const window = searchWindow(query.page);
    return searchPage(found.slice(window.offset, window.offset + window.limit), found.length, window.offset);
  }

  return {
    async deploy(resources, { allowNonExecutable }) {
      const deployed = await engine.deploy(resources, { allowNonExecutable });
      const processes: DeploymentMetadataResult[] = deployed.map((p) => ({
        processDefinition: { processDefinitionId: p.processId, processDefinitionVersion: p.version, resourceName: p.resourceName, tenantId: defaultTenantId, processDefinitionKey: p.definitionKey },
      }));
      const forms: DeploymentMetadataResult[] = resources
        .filter((r) => r.name.toLowerCase().endsWith('.form'))
        .map((r) => ({ form: { formId: formIdOf(r.xml), resourceName: r.name, tenantId: defaultTenantId } }));
      return { deploymentKey: await engine.newKey(), tenantId: defaultTenantId, deployments: [...processes, ...(await deployedDecisions(engine, resources)), ...forms] };
    },
    searchProcessDefinitions,
    getProcessDefinition: async (key) => toResult(await summaryOf(key)),
    async getProcessDefinitionXml(key) {
      await summaryOf(key);
      return engine.getDefinitionXml({ definitionKey: key });
    },
    async getStartProcessForm(key) {
      // Baton's models carry no start-event forms yet (hasStartForm is false): none to give.
      await summaryOf(key);
      return undefined;
    },
    async getProcessDefinitionStatistics(key, query) {
      await summaryOf(key);
      const filter = { ...(query?.filter ?? {}), processDefinitionKey: key };
      const totals = new Map<string, ProcessElementStatisticsResult>();
      for (let from = 0, total = 1; from < total; ) {
        const page = await instances.searchInstances({ filter, page: { from, limit: 1000 } });
        for (const instance of page.items) {
          for (const row of (await instances.getElementStatistics(instance.processInstanceKey)).items) {
            const sum = totals.get(row.elementId) ?? { elementId: row.elementId, active: 0, canceled: 0, incidents: 0, completed: 0 };
            totals.set(row.elementId, { ...sum, ...Object.fromEntries(statisticFields.map((field) => [field, sum[field] + row[field]])) });
          }
        }
        total = page.page.totalItems;
        from += Math.max(page.items.length, 1);
      }
      return { items: [...totals.values()] };
    },
    async getResource(key) {
      const record = await summaryOf(key);
      return { resourceName: record.resourceName, version: record.version, resourceId: record.processId, tenantId: defaultTenantId, resourceKey: record.definitionKey };
    },
    deleteResource: (key) => engine.deleteDefinition(key),
  };
}
