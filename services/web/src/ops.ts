import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import * as api from './api.js';
import { allowedActions, definitionRows, marksOf, type InstanceDetail } from './ops-model.js';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

interface Canvas {
  addMarker(elementId: string, marker: string): void;
  zoom(level: 'fit-viewport'): void;
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
  await showXml('definition-diagram', 'definition-note', xml);
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

async function showDiagram(instance: InstanceDetail, history: readonly api.HistoryEntry[]): Promise<void> {
  const viewer = await showXml('diagram', 'diagram-note', await api.definitionXml(instance.processDefinitionKey));
  const canvas = viewer.get<Canvas>('canvas');
  const overlays = viewer.get<Overlays>('overlays');
  const marks = marksOf(instance, history);
  for (const id of marks.visited) canvas.addMarker(id, 'baton-visited');
  for (const id of marks.waiting) canvas.addMarker(id, 'baton-waiting');
  for (const incident of marks.incidents) {
    canvas.addMarker(incident.elementId, 'baton-incident');
    overlays.add(incident.elementId, { position: { top: -14, left: 0 }, html: Object.assign(document.createElement('span'), { className: 'baton-incident-badge', textContent: incident.text }) });
  }
}

/** One instance: the diagram with waits, the path taken and incidents; variables; history; cancel and retry for those allowed. */
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
  byId('history').replaceChildren(
    ...history.map((e) => Object.assign(document.createElement('li'), { textContent: `${e.type}${e.elementId === undefined ? '' : ` ${e.elementId}`}` })),
  );
  await showDiagram(instance, history);
}
