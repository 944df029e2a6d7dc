import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHarness, login, type AuthHarness } from '../auth/__fixtures__/auth-harness.js';

const fixture = (name: string): string => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const model = fixture('linked-form.bpmn');
const form = fixture('vacation-decision.form');

interface Problem {
  readonly code: string;
  readonly detail: string;
  readonly problems: readonly { readonly elementId?: string; readonly message: string }[];
}

/** `*.form` files deployed with the model (issue 7), linked by `zeebe:formDefinition formId`, over HTTP. */
describe('forms deployed alongside the model', () => {
  let h: AuthHarness;
  let deploy: (files: Record<string, string>) => Promise<Response>;
  beforeEach(async () => {
    h = await authHarness();
    const admin = await login(h.url, 'alice');
    deploy = async (files) => {
      const body = new FormData();
      for (const [name, text] of Object.entries(files)) body.append('resources', new Blob([text]), name);
      return fetch(`${h.url}/v2/deployments`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, body });
    };
  });
  afterEach(() => h.close());

  const decideTask = async (): Promise<string> => {
    const { processInstanceKey } = await h.engine.startInstance({ processDefinitionId: 'vacation', variables: { days: 3 } });
    return (await h.engine.searchUserTasks({ filter: { processInstanceKey } })).items[0]?.userTaskKey ?? '';
  };

  it('gives a user task the form deployed with it, and enforces its rules on completion', async () => {
    // given the model and its form in one deployment
    const res = await deploy({ 'vacation.bpmn': model, 'vacation-decision.form': form });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      deployments: [{ processDefinition: { processDefinitionId: 'vacation', processDefinitionVersion: 1 } }, { form: { formId: 'vacation-decision', resourceName: 'vacation-decision.form' } }],
    });
    // when a manager opens the task
    const key = await decideTask();
    const view = await h.request('mia', 'GET', `/v2/user-tasks/${key}/form`);
    // then she gets the deployed form
    expect(view.status).toBe(200);
    const served = (await view.json()) as { schema: object };
    expect(served).toMatchObject({ source: 'form', formId: 'vacation-decision', tenantId: '<default>', variables: { days: 3 } });
    expect(served.schema).toEqual(JSON.parse(form));
    // and its rules hold on the server
    const refused = await h.request('mia', 'POST', `/v2/user-tasks/${key}/completion`, { variables: { approved: true, reason: 'ok' } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ field: 'variables.reason', message: 'Reason must have at least 3 characters' }] });
    expect((await h.request('mia', 'POST', `/v2/user-tasks/${key}/completion`, { variables: { approved: true, reason: 'fine' } })).status).toBe(204);
  });

  it('refuses a model whose user task links a form that is neither embedded nor deployed, naming both, and deploys nothing', async () => {
    const res = await deploy({ 'vacation.bpmn': model, 'other.form': JSON.stringify({ id: 'other-form', components: [] }) });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('MODEL_INVALID');
    expect(problem.detail).toContain('"decide"');
    expect(problem.detail).toContain('"vacation-decision"');
    expect(problem.problems).toEqual([expect.objectContaining({ elementId: 'decide', message: expect.stringContaining('vacation-decision') as string })]);
    expect((await h.engine.searchProcessDefinitions({})).items).toEqual([]);
    const again = await deploy({ 'vacation.bpmn': model });
    expect(again.status).toBe(400);
    expect(((await again.json()) as Problem).detail).toContain('"vacation-decision"');
  });

  it('accepts a form deployed earlier, on its own, and shows the latest deployed version of it', async () => {
    // given the form deployed alone, then the model alone
    const alone = await deploy({ 'vacation-decision.form': form });
    expect(alone.status).toBe(200);
    expect(await alone.json()).toMatchObject({ deployments: [{ form: { formId: 'vacation-decision' } }] });
    expect((await deploy({ 'vacation.bpmn': model })).status).toBe(200);
    const key = await decideTask();
    // when a new version of the form is deployed
    const changed = { ...(JSON.parse(form) as object), components: [{ type: 'textfield', key: 'note', label: 'Note' }] };
    expect((await deploy({ 'vacation-decision.form': JSON.stringify(changed) })).status).toBe(200);
    // then the task shows it
    const view = (await (await h.request('mia', 'GET', `/v2/user-tasks/${key}/form`)).json()) as { schema: object };
    expect(view.schema).toEqual(changed);
  });

  it('refuses a form file without an id, or two forms of one id, and deploys nothing of that deployment', async () => {
    const noId = await deploy({ 'vacation.bpmn': model, 'vacation-decision.form': '{"components":[]}' });
    expect(noId.status).toBe(400);
    expect(((await noId.json()) as Problem).detail).toContain('vacation-decision.form');
    const twice = await deploy({ 'a.form': form, 'b.form': form, 'vacation.bpmn': model });
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as Problem).detail).toContain('Another form of this deployment has the id "vacation-decision"');
    expect((await deploy({ 'garbled.form': 'not json' })).status).toBe(400);
    expect((await h.engine.searchProcessDefinitions({})).items).toEqual([]);
    expect((await deploy({ 'vacation.bpmn': model })).status).toBe(400);
  });
});
