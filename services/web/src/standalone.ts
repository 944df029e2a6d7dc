import { createBrowserEngine, type BrowserEngine, type PageUser } from '@baton/browser';
import exampleXml from '@baton/browser/examples/leave.bpmn?raw';
import * as api from './api.js';

/** Who may sign in to the standalone page: the node's roles and groups, no passwords (the page's user holds its storage anyway). */
export const pageUsers: readonly PageUser[] = [
  { username: 'ada', name: 'Ada (admin)', roles: ['admin'] },
  { username: 'olga', name: 'Olga (operator)', roles: ['operator'] },
  { username: 'mia', name: 'Mia (managers)', roles: ['user'], groups: ['managers'] },
  { username: 'sam', name: 'Sam (clerks)', roles: ['user'], groups: ['clerks'] },
];

const html = `
  <p class="hint">The engine runs in this page; its data stays in this browser's localStorage. Sign in as
  ${pageUsers.map((u) => `<code>${u.username}</code>`).join(', ')} (any password): ada deploys, mia (group managers) works the example's task.</p>
  <div class="toolbar">
    <label class="file">Load .bpmn / .form files <input id="load-files" type="file" multiple accept=".bpmn,.xml,.form" /></label>
    <button id="load-example" type="button">Load the example</button>
    <button id="clear-data" type="button">Clear this page's data</button>
  </div>
  <div class="toolbar">
    <select id="start-process" aria-label="Process to start"></select>
    <input id="start-variables" placeholder='Variables as JSON, e.g. {"days": 3}' aria-label="Variables" />
    <button id="start-instance" type="button">Start instance</button>
  </div>
  <p id="page-message" role="status"></p>`;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function say(text: string, isError = false): void {
  const line = byId('page-message');
  line.textContent = text;
  line.className = isError ? 'error' : 'hint';
}

async function fillProcesses(engine: BrowserEngine): Promise<void> {
  const select = byId<HTMLSelectElement>('start-process');
  try {
    const { items } = await engine.searchProcessDefinitions({ filter: { isLatestVersion: true } });
    select.replaceChildren(...items.map((d) => Object.assign(document.createElement('option'), { value: d.processDefinitionId, textContent: `${d.name ?? d.processDefinitionId} (v${d.version})` })));
  } catch {
    select.replaceChildren();
  }
}

async function deploy(engine: BrowserEngine, resources: { name: string; content: string }[]): Promise<void> {
  const result = await engine.deployResources({ resources });
  say(`Deployed ${result.deployments.map((d) => ('processDefinition' in d && d.processDefinition !== undefined ? `${d.processDefinition.processDefinitionId} v${d.processDefinition.processDefinitionVersion}` : 'a form')).join(', ')}.`);
  await fillProcesses(engine);
}

function wire(engine: BrowserEngine): void {
  const guarded = (work: () => Promise<void>) => () => void work().catch((error: unknown) => say(error instanceof Error ? error.message : String(error), true));
  byId<HTMLInputElement>('load-files').addEventListener(
    'change',
    guarded(async () => {
      const files = [...(byId<HTMLInputElement>('load-files').files ?? [])];
      await deploy(engine, await Promise.all(files.map(async (file) => ({ name: file.name, content: await file.text() }))));
      byId<HTMLInputElement>('load-files').value = '';
    }),
  );
  byId('load-example').addEventListener('click', guarded(() => deploy(engine, [{ name: 'leave.bpmn', content: exampleXml }])));
  byId('start-instance').addEventListener(
    'click',
    guarded(async () => {
      const text = byId<HTMLInputElement>('start-variables').value.trim();
      const variables = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      const processDefinitionId = byId<HTMLSelectElement>('start-process').value;
      const { processInstanceKey } = await engine.createProcessInstance({ processDefinitionId, variables });
      say(`Started ${processDefinitionId}: instance ${processInstanceKey}.`);
    }),
  );
  byId('clear-data').addEventListener('click', () => {
    if (!window.confirm('Delete every model, instance and history this page keeps?')) return;
    for (const key of Object.keys(localStorage)) if (key.startsWith('baton/')) localStorage.removeItem(key);
    location.reload();
  });
}

/**
 * The standalone page (issue 17): the engine in this page on localStorage, the task list
 * and operations view against it (their requests answered by the page's engine), and a
 * toolbar to deploy `.bpmn`/`.form` files from disk and start instances.
 */
export async function setUpStandalone(): Promise<BrowserEngine> {
  const engine = await createBrowserEngine({
    identity: { users: pageUsers },
    // The example's service task runs in the page; other job types wait for a worker (operations view).
    handlers: { 'notify-hr': async () => ({ notified: true }) },
  });
  api.useEngine(engine);
  // The same BatonClient as the REST client's, for the console and for tests: `await baton.searchUserTasks()`.
  (window as unknown as { baton: BrowserEngine }).baton = engine;
  const panel = Object.assign(document.createElement('section'), { id: 'page-engine', innerHTML: html });
  document.querySelector('main')?.prepend(panel);
  document.title = 'Baton in a page';
  const heading = document.querySelector('header h1');
  if (heading !== null) heading.textContent = 'Baton — the engine in this page';
  byId<HTMLInputElement>('login').querySelector<HTMLInputElement>('input[name=password]')?.removeAttribute('required');
  wire(engine);
  await fillProcesses(engine);
  engine.onChange(() => void fillProcesses(engine));
  return engine;
}
