import '@picocss/pico/css/pico.classless.min.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './style.css';
import { Form } from '@bpmn-io/form-js-viewer';
import * as api from './api.js';
import { allowedActions } from './ops-model.js';
import { renderDefinition, renderDefinitions, renderInstance, renderOverview } from './ops.js';
import { changedVariables, formDataOf } from './task-form.js';
import { datesText, offeredTo, processesOf, sectionsOf, type TaskItem, type TaskView, type Viewer } from './tasks.js';
import { viewOf } from './views.js';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

let me: api.Me | undefined;
let tasks: TaskItem[] = [];
let openForm: Form | undefined;
let stopChanges: (() => void) | undefined;

const viewer = (): Viewer => ({ ...(me?.username === undefined ? {} : { username: me.username }), groups: me?.groups ?? [] });

const sections = ['login', 'tasks', 'task-form', 'ops', 'instance', 'definitions', 'definition'] as const;
type Section = (typeof sections)[number];

function show(section: Section): void {
  for (const id of sections) byId(id).hidden = id !== section;
  byId('nav').hidden = section === 'login';
  const { canOperate } = allowedActions(me?.roles ?? [], me?.authEnabled ?? false);
  byId('ops-link').hidden = !canOperate;
  byId('definitions-link').hidden = !canOperate;
  byId('logout').hidden = me?.authEnabled !== true || section === 'login';
  byId('who').textContent = me?.username === undefined ? (me?.authEnabled === false ? 'Authentication is off' : '') : `${me.username} (${me.groups.join(', ') || 'no group'})`;
}

function report(where: 'form-error' | 'login-error', error: unknown): void {
  byId(where).textContent = error instanceof Error ? error.message : String(error);
}

function button(label: string, onClick: () => Promise<void>): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', () => {
    onClick().catch((error: unknown) => window.alert(error instanceof Error ? error.message : String(error)));
  });
  return element;
}

function card(task: TaskItem): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset['userTaskKey'] = task.userTaskKey;
  const title = document.createElement('strong');
  title.textContent = task.name ?? task.elementId;
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${task.processDefinitionId} · ${task.assignee === undefined ? `offered to ${offeredTo(task) || 'anyone'}` : `claimed by ${task.assignee}`}`;
  item.append(title, meta);
  const dates = datesText(task);
  if (dates !== '') item.append(Object.assign(document.createElement('span'), { className: 'dates', textContent: dates }));
  if (task.priority !== undefined && task.priority !== 50) item.append(Object.assign(document.createElement('span'), { className: 'priority', textContent: `priority ${task.priority}` }));
  const username = me?.username ?? 'anonymous';
  if (task.assignee === undefined) item.append(button('Claim', async () => (await api.claim(task.userTaskKey, username), refresh())));
  if (task.assignee === username) item.append(button('Unclaim', async () => (await api.unclaim(task.userTaskKey), refresh())));
  if (task.assignee === undefined || task.assignee === username) item.append(button('Open', () => openTask(task)));
  return item;
}

/** The toolbar's filters and order; the process choices follow the tasks loaded. */
function taskView(): TaskView {
  const process = byId<HTMLSelectElement>('task-process');
  const chosen = process.value;
  process.replaceChildren(new Option('All processes', ''), ...processesOf(tasks).map((id) => new Option(id, id)));
  process.value = [...process.options].some((o) => o.value === chosen) ? chosen : '';
  return { show: byId<HTMLSelectElement>('task-show').value as TaskView['show'], process: process.value, sort: byId<HTMLSelectElement>('task-sort').value as TaskView['sort'] };
}

function renderList(): void {
  const sections = sectionsOf(tasks, viewer(), byId<HTMLInputElement>('filter').value, taskView());
  for (const id of ['mine', 'offered', 'others'] as const) {
    const list = byId(id);
    list.replaceChildren(...sections[id].map(card));
    if (sections[id].length === 0) list.append(Object.assign(document.createElement('li'), { className: 'empty', textContent: 'No tasks.' }));
  }
  byId('others-title').hidden = sections.others.length === 0;
  byId('others').hidden = sections.others.length === 0;
}

async function refresh(): Promise<void> {
  tasks = await api.searchTasks();
  renderList();
}

const sourceText = { form: 'Form from the model.', formFields: 'Form from the model\'s form fields.', variables: 'Form generated from the task\'s variables.' };

async function openTask(task: TaskItem): Promise<void> {
  const form = await api.formOf(task.userTaskKey);
  openForm?.destroy();
  byId('form-title').textContent = task.name ?? task.elementId;
  byId('form-source').textContent = sourceText[form.source];
  byId('form-error').textContent = '';
  const container = byId('form-container');
  container.replaceChildren();
  // No debounce: form-js applies typing 300 ms late, so a quick Enter or click would submit the old value.
  const options: ConstructorParameters<typeof Form>[0] & { debounce: boolean } = { container, debounce: false };
  const rendered = new Form(options);
  await rendered.importSchema(withSubmitButton(form.schema), formDataOf(form));
  rendered.on('submit', (event: { data: Record<string, unknown>; errors: Record<string, unknown> }) => {
    if (Object.keys(event.errors).length > 0) return;
    // Only what the user changed, under the variables' own names (issue 12, finding 4).
    new Promise<Record<string, unknown>>((resolve) => resolve(changedVariables(form, event.data)))
      .then((variables) => api.complete(task.userTaskKey, variables))
      .then(
        async () => {
          rendered.destroy();
          openForm = undefined;
          show('tasks');
          await refresh();
        },
        (error: unknown) => report('form-error', error),
      );
  });
  openForm = rendered;
  show('task-form');
}

/** form-js submits through a button component; add one when the model's form has none. */
function withSubmitButton(schema: api.TaskForm['schema']): api.TaskForm['schema'] {
  const hasButton = schema.components.some((c) => (c as { type?: string }).type === 'button');
  return hasButton ? schema : { ...schema, components: [...schema.components, { type: 'button', action: 'submit', label: 'Complete', key: 'baton_submit' }] };
}

/** The view the location hash names (see `viewOf`). */
async function route(): Promise<void> {
  if (me === undefined) return show('login');
  const view = viewOf(location.hash);
  switch (view.name) {
    case 'instance': {
      const reload = (): Promise<void> => renderInstance(view.processInstanceKey, me, reload);
      show('instance');
      return reload();
    }
    case 'ops':
      show('ops');
      return renderOverview();
    case 'definitions':
      show('definitions');
      return renderDefinitions();
    case 'definition':
      show('definition');
      return renderDefinition(view.processDefinitionKey);
    case 'tasks':
      show('tasks');
      return refresh();
    default:
      return assertNever(view);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown view ${JSON.stringify(value)}`);
}

/** Live updates: the node says `change` on GET /v2/events (the page's engine, on each commit); the shown view re-reads what this user may see. */
function listenForChanges(): void {
  stopChanges?.();
  stopChanges = api.onChanges(() => {
    // An open form keeps what the user typed; a definition's diagram does not change with instances (and keeps its zoom).
    const isTaskFormOpen = !byId('task-form').hidden;
    if (!isTaskFormOpen && viewOf(location.hash).name !== 'definition') route().catch(() => undefined);
  });
}

async function start(): Promise<void> {
  me = await api.whoAmI();
  if (me === undefined) return show('login');
  listenForChanges();
  await route();
}

byId<HTMLFormElement>('login').addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  api.logIn(String(data.get('username')), String(data.get('password'))).then(start, (error: unknown) => report('login-error', error));
});
byId('logout').addEventListener('click', () => {
  stopChanges?.();
  void api.logOut().then(() => ((me = undefined), show('login')));
});
byId('filter').addEventListener('input', renderList);
for (const id of ['task-show', 'task-process', 'task-sort']) byId(id).addEventListener('change', renderList);
byId('refresh').addEventListener('click', () => void refresh());
byId('state-filter').addEventListener('change', () => void renderOverview());
window.addEventListener('hashchange', () => void route().catch((error: unknown) => report('form-error', error)));
byId('close-form').addEventListener('click', () => ((openForm?.destroy(), (openForm = undefined)), show('tasks')));
/** `standalone.html` (`?standalone`): the whole engine runs in this page, on its localStorage (issue 17). */
const isStandalone = new URLSearchParams(location.search).has('standalone');
const boot = isStandalone ? import('./standalone.js').then(({ setUpStandalone }) => setUpStandalone()) : Promise.resolve();
boot.then(start).catch((error: unknown) => report('login-error', error));
