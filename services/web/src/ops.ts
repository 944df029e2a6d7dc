import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import * as api from './api.js';
import { allowedActions, countBadges, definitionRows, historyGroups, marksOf, shortTime, type HistoryGroup, type InstanceDetail } from './ops-model.js';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

interface Canvas {
  addMarker(elementId: string, marker: string): void;
  zoom(level: 'fit-viewport'): void;
}
interface ElementRegistry {
  getAll(): { id: string; businessObject?: { name?: string } }[];
}
interface Overlays {
  add(elementId: string, overlay: { position: { top?: number; left?: number; right?: number; bottom?: number }; html: HTMLElement }): void;
}

/** One viewer per diagram container, replaced on each render. */
const viewers = new Map<string, NavigatedViewer>();

/**
 * Shows `xml` in the container `containerId` with bpmn-js (its bpmn.io watermark stays
 * visible, as the licence requires); says in `noteId` when the model has no layout.
 */
async function showXml(containerId: string, noteId: string, xml: string): Promise<NavigatedViewer> {
  viewers.get(containerId)?.destroy();
  const viewer = new NavigatedViewer({ container: byId(containerId) });
  viewers.set(containerId, viewer);
  byId(noteId).textContent = xml.includes('BPMNDiagram') ? '' : 'This model has no diagram layout (BPMN DI); open it in a modeler to add one.';
  await viewer.importXML(xml);
  viewer.get<Canvas>('canvas').zoom('fit-viewport');
  return viewer;
}

function cell(text: string): HTMLTableCellElement {
  return Object.assign(document.createElement('td'), { textContent: text });
}

function actionButton(label: string, onClick: () => Promise<void>): HTMLButtonElement {
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
  button.addEventListener('click', () => {
    onClick().catch((error: unknown) => (byId('ops-error').textContent = error instanceof Error ? error.message : String(error)));
  });
  return button;
}

/** The process definitions: id, name, version; each links to its diagram. */
export async function renderDefinitions(): Promise<void> {
  const rows = definitionRows(await api.listDefinitions());
  byId('definition-rows').replaceChildren(
    ...rows.map((d) => {
      const row = document.createElement('tr');
      row.dataset['processDefinitionKey'] = d.processDefinitionKey;
      const link = Object.assign(document.createElement('a'), { href: d.href, textContent: 'Diagram' });
      const linkCell = document.createElement('td');
      linkCell.append(link);
      row.append(cell(d.processDefinitionId), cell(d.name), cell(d.isLatest ? `${d.version} (latest)` : String(d.version)), linkCell);
      return row;
    }),
  );
  byId('no-definitions').hidden = rows.length > 0;
}

/** One process definition with its diagram. */
export async function renderDefinition(key: string): Promise<void> {
  const [definitions, xml] = await Promise.all([api.listDefinitions(), api.definitionXml(key)]);
  const definition = definitions.find((d) => d.processDefinitionKey === key);
  byId('definition-title').textContent = definition === undefined ? key : `${definition.name ?? definition.processDefinitionId} · ${definition.processDefinitionId} v${definition.version}`;
  const [viewer, statistics] = await Promise.all([showXml('definition-diagram', 'definition-note', xml), api.definitionStatistics(key)]);
  const overlays = viewer.get<Overlays>('overlays');
  const drawn = new Set(viewer.get<ElementRegistry>('elementRegistry').getAll().map((e) => e.id));
  for (const [elementId, badges] of countBadges(statistics)) {
    if (!drawn.has(elementId)) continue;
    const html = Object.assign(document.createElement('div'), { className: 'baton-counts' });
    html.dataset['elementId'] = elementId;
    html.append(...badges.map((b) => Object.assign(document.createElement('span'), { className: `baton-count baton-count-${b.kind}`, textContent: String(b.count), title: b.title })));
    overlays.add(elementId, { position: { bottom: 10, left: -6 }, html });
  }
}

/** The instances, filtered by state; each links to its page. */
export async function renderOverview(): Promise<void> {
  const instances = await api.searchInstances(byId<HTMLSelectElement>('state-filter').value);
  byId('instances').replaceChildren(
    ...instances.map((i) => {
      const row = document.createElement('tr');
      const link = Object.assign(document.createElement('a'), { href: `#/ops/${encodeURIComponent(i.processInstanceKey)}`, textContent: i.processInstanceKey });
      const keyCell = document.createElement('td');
      keyCell.append(link);
      row.append(keyCell, cell(`${i.processDefinitionId} v${i.processDefinitionVersion}`), cell(i.hasIncident ? `${i.state}, incident` : i.state), cell(i.startDate));
      return row;
    }),
  );
}

/** The names the model gives its elements, by id. */
function elementNames(viewer: NavigatedViewer): Map<string, string> {
  const names = new Map<string, string>();
  for (const element of viewer.get<ElementRegistry>('elementRegistry').getAll()) {
    const name = element.businessObject?.name;
    if (name !== undefined && name !== '') names.set(element.id, name);
  }
  return names;
}

/** The badge on an element with an incident: its message, and a Retry button for those allowed. */
function incidentBadge(incident: { incidentKey: string; elementId: string; text: string }, canOperate: boolean, reload: () => Promise<void>): HTMLElement {
  const badge = Object.assign(document.createElement('div'), { className: 'baton-incident-badge', title: incident.text });
  badge.dataset['incidentKey'] = incident.incidentKey;
  badge.append(Object.assign(document.createElement('span'), { className: 'baton-incident-text', textContent: incident.text }));
  if (canOperate) {
    const retry = actionButton('Retry', async () => (await api.resolveIncident(incident.incidentKey), reload()));
    retry.className = 'baton-retry';
    badge.append(retry);
  }
  return badge;
}

async function showDiagram(instance: InstanceDetail, history: readonly api.HistoryEntry[], canOperate: boolean, reload: () => Promise<void>): Promise<Map<string, string>> {
  const viewer = await showXml('diagram', 'diagram-note', await api.definitionXml(instance.processDefinitionKey));
  const canvas = viewer.get<Canvas>('canvas');
  const overlays = viewer.get<Overlays>('overlays');
  const marks = marksOf(instance, history);
  const drawn = new Set(viewer.get<ElementRegistry>('elementRegistry').getAll().map((e) => e.id));
  for (const id of marks.visited) if (drawn.has(id)) canvas.addMarker(id, 'baton-visited');
  for (const id of marks.waiting) if (drawn.has(id)) canvas.addMarker(id, 'baton-waiting');
  for (const incident of marks.incidents) {
    if (!drawn.has(incident.elementId)) continue;
    canvas.addMarker(incident.elementId, 'baton-incident');
    overlays.add(incident.elementId, { position: { top: -14, left: 0 }, html: incidentBadge(incident, canOperate, reload) });
  }
  return elementNames(viewer);
}

/** The history list: one item per element with its time span and its steps. */
function historyItem(group: HistoryGroup): HTMLLIElement {
  const item = document.createElement('li');
  if (group.elementId !== undefined) item.dataset['elementId'] = group.elementId;
  const span = shortTime(group.firstTime) === shortTime(group.lastTime) ? shortTime(group.firstTime) : `${shortTime(group.firstTime)} – ${shortTime(group.lastTime)}`;
  const heading = Object.assign(document.createElement('div'), { className: 'history-title' });
  heading.append(Object.assign(document.createElement('strong'), { textContent: group.title }), Object.assign(document.createElement('small'), { textContent: ` ${span}` }));
  const steps = Object.assign(document.createElement('ul'), { className: 'history-steps' });
  steps.append(...group.steps.map((step) => Object.assign(document.createElement('li'), { textContent: step.time === undefined ? step.label : `${step.label} · ${shortTime(step.time).slice(11)}` })));
  item.append(heading, steps);
  return item;
}

/** One instance: the diagram with active elements, the path taken and incidents (with Retry); variables; history per element; cancel for those allowed. */
export async function renderInstance(key: string, me: api.Me | undefined, reload: () => Promise<void>): Promise<void> {
  const [instance, history] = await Promise.all([api.getInstance(key), api.historyOf(key)]);
  byId('instance-title').textContent = `${instance.processDefinitionId} · ${instance.processInstanceKey} · ${instance.state}`;
  byId('ops-error').textContent = '';
  const { canOperate } = allowedActions(me?.roles ?? [], me?.authEnabled ?? false);
  const actions: HTMLElement[] = [];
  if (canOperate && instance.state === 'ACTIVE') actions.push(actionButton('Cancel instance', async () => (await api.cancelInstance(key), reload())));
  for (const incident of canOperate ? instance.incidents : []) {
    actions.push(actionButton(`Retry ${incident.elementId}`, async () => (await api.resolveIncident(incident.incidentKey), reload())));
  }
  byId('instance-actions').replaceChildren(...actions);
  byId('variables').textContent = JSON.stringify(instance.variables, null, 2);
  byId('history').replaceChildren(...historyGroups(history).map(historyItem));
  const names = await showDiagram(instance, history, canOperate, reload);
  byId('history').replaceChildren(...historyGroups(history, names).map(historyItem));
}
