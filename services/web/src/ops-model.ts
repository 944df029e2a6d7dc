/** An instance as GET /v2/process-instances/{key} returns it (the fields the operations view reads). */
export interface InstanceDetail {
  readonly processInstanceKey: string;
  readonly processDefinitionId: string;
  readonly processDefinitionKey: string;
  readonly state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  readonly hasIncident: boolean;
  readonly variables: Record<string, unknown>;
  readonly waiting: readonly { readonly elementId: string; readonly kind: string }[];
  readonly incidents: readonly { readonly incidentKey: string; readonly elementId: string; readonly errorType: string; readonly errorMessage: string }[];
}

/** One history entry (an engine event). */
export interface HistoryItem {
  readonly position: number;
  readonly type: string;
  readonly elementId?: string;
  /** `FlowTaken`: the sequence flow. */
  readonly flowId?: string;
  readonly time?: string;
}

/** How the diagram marks an instance: where tokens wait, the path taken, incidents. */
export interface DiagramMarks {
  readonly waiting: readonly string[];
  readonly visited: readonly string[];
  readonly incidents: readonly { readonly incidentKey: string; readonly elementId: string; readonly text: string }[];
}

/** The path taken: every element the history shows activated, and every sequence flow taken. */
export function marksOf(instance: InstanceDetail, history: readonly HistoryItem[]): DiagramMarks {
  const waiting = [...new Set(instance.waiting.map((w) => w.elementId))];
  const incidentIds = new Set(instance.incidents.map((i) => i.elementId));
  const visited = new Set<string>();
  for (const entry of history) {
    if (entry.type === 'FlowTaken' && entry.flowId !== undefined) visited.add(entry.flowId);
    else if (entry.type.startsWith('Element') && entry.elementId !== undefined) visited.add(entry.elementId);
  }
  return {
    waiting,
    visited: [...visited].filter((id) => !waiting.includes(id) && !incidentIds.has(id)),
    incidents: instance.incidents.map((i) => ({ incidentKey: i.incidentKey, elementId: i.elementId, text: `${i.errorType}: ${i.errorMessage}` })),
  };
}

/** What the operations view offers a viewer with these roles (the server checks again). */
export function allowedActions(roles: readonly string[], authEnabled: boolean): { canOperate: boolean } {
  return { canOperate: !authEnabled || roles.includes('admin') || roles.includes('operator') };
}

/** A deployed process version, as GET /v2/process-definitions lists it. */
export interface DefinitionItem {
  readonly processDefinitionKey: string;
  readonly processDefinitionId: string;
  readonly name?: string;
  readonly version: number;
}

/** One row of the definitions list. */
export interface DefinitionRow {
  readonly processDefinitionKey: string;
  readonly processDefinitionId: string;
  /** The model's name, or empty. */
  readonly name: string;
  readonly version: number;
  /** The version new instances start. */
  readonly isLatest: boolean;
  /** The page with its diagram. */
  readonly href: string;
}

/** The definitions list: by process id, the newest version of each first. */
export function definitionRows(definitions: readonly DefinitionItem[]): DefinitionRow[] {
  const latest = new Map<string, number>();
  for (const d of definitions) latest.set(d.processDefinitionId, Math.max(d.version, latest.get(d.processDefinitionId) ?? 0));
  return [...definitions]
    .sort((a, b) => (a.processDefinitionId === b.processDefinitionId ? b.version - a.version : a.processDefinitionId < b.processDefinitionId ? -1 : 1))
    .map((d) => ({
      processDefinitionKey: d.processDefinitionKey,
      processDefinitionId: d.processDefinitionId,
      name: d.name ?? '',
      version: d.version,
      isLatest: latest.get(d.processDefinitionId) === d.version,
      href: `#/definitions/${encodeURIComponent(d.processDefinitionKey)}`,
    }));
}

/** One step of an element's history: a readable label (`activated`, `job failed`) and when. */
export interface HistoryStep {
  readonly label: string;
  readonly time?: string;
}

/** The history of one element (or of the instance itself, `elementId` undefined), in order of first appearance. */
export interface HistoryGroup {
  readonly elementId?: string;
  /** The element's name in the diagram, else its id, else `Instance`. */
  readonly title: string;
  readonly firstTime?: string;
  readonly lastTime?: string;
  readonly steps: readonly HistoryStep[];
}

/** `ElementActivated` → `element activated`, `JobFailed` → `job failed`; the `Element` prefix dropped inside an element's group. */
export function stepLabel(type: string, inElement: boolean): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return inElement && words.startsWith('element ') ? words.slice('element '.length) : words;
}

/**
 * The history as people read it: grouped per element (taken sequence flows are left to
 * the diagram), groups in the order they first appear, each step with its time.
 * `names` maps element ids to the names in the model.
 */
export function historyGroups(history: readonly HistoryItem[], names: ReadonlyMap<string, string> = new Map()): HistoryGroup[] {
  const groups = new Map<string, { elementId?: string; steps: HistoryStep[]; times: string[] }>();
  for (const entry of history) {
    if (entry.type === 'FlowTaken') continue;
    const elementId = entry.elementId;
    const groupKey = elementId ?? '';
    let group = groups.get(groupKey);
    if (group === undefined) {
      group = { ...(elementId === undefined ? {} : { elementId }), steps: [], times: [] };
      groups.set(groupKey, group);
    }
    group.steps.push({ label: stepLabel(entry.type, elementId !== undefined), ...(entry.time === undefined ? {} : { time: entry.time }) });
    if (entry.time !== undefined) group.times.push(entry.time);
  }
  return [...groups.values()].map(({ elementId, steps, times }) => ({
    ...(elementId === undefined ? {} : { elementId }),
    title: elementId === undefined ? 'Instance' : (names.get(elementId) ?? elementId),
    ...(times[0] === undefined ? {} : { firstTime: times[0] }),
    ...(times.at(-1) === undefined ? {} : { lastTime: times.at(-1) }),
    steps,
  }));
}

/** A time for people: `2026-12-06 23:20:13` in UTC, or empty when unknown. */
export function shortTime(iso: string | undefined): string {
  return iso === undefined ? '' : iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
}

/** One row of POST /v2/process-definitions/{key}/statistics/element-instances. */
export interface ElementStatistics {
  readonly elementId: string;
  readonly active: number;
  readonly canceled: number;
  readonly incidents: number;
  readonly completed: number;
}

/** A count shown on an element of the definition's diagram. */
export interface CountBadge {
  readonly kind: 'active' | 'incidents' | 'completed';
  readonly count: number;
  /** What it says on hover: `2 active`. */
  readonly title: string;
}

/** The counts to draw on each element: active, incidents, completed, those above zero only; elements with none left out. */
export function countBadges(statistics: readonly ElementStatistics[]): Map<string, CountBadge[]> {
  const badges = new Map<string, CountBadge[]>();
  for (const row of statistics) {
    const shown = (['active', 'incidents', 'completed'] as const)
      .filter((kind) => row[kind] > 0)
      .map((kind) => ({ kind, count: row[kind], title: `${row[kind]} ${kind === 'incidents' ? (row[kind] === 1 ? 'incident' : 'incidents') : kind}` }));
    if (shown.length > 0) badges.set(row.elementId, shown);
  }
  return badges;
}
