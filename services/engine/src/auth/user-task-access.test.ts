import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHarness, type AuthHarness, type Caller } from './__fixtures__/auth-harness.js';

/** Users see, claim and complete only tasks assigned or offered to them (issue 7, OWASP API1). */
describe('user tasks, by object', () => {
  let h: AuthHarness;
  let tasks: { key: string; approve: string; check: string };
  beforeEach(async () => {
    h = await authHarness();
    tasks = await h.atTasks();
  });
  afterEach(() => h.close());

  const visibleTo = async (caller: Caller): Promise<string[]> => {
    const res = await h.request(caller, 'POST', '/v2/user-tasks/search', {});
    return ((await res.json()) as { items: { elementId: string }[] }).items.map((t) => t.elementId).sort();
  };
  const claim = (caller: Caller, task: string, assignee: string) => h.request(caller, 'POST', `/v2/user-tasks/${task}/assignment`, { assignee });
  const complete = (caller: Caller, task: string) => h.request(caller, 'POST', `/v2/user-tasks/${task}/completion`, { variables: { by: caller } });
  const expectRefused = async (res: Response): Promise<void> => {
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'FORBIDDEN' });
  };

  it('shows each user only their tasks: by candidate group, candidate user, and lane', async () => {
    expect(await visibleTo('mia')).toEqual(['approve']);
    expect(await visibleTo('carl')).toEqual(['approve']);
    expect(await visibleTo('cleo')).toEqual(['check']);
    expect(await visibleTo('uma')).toEqual([]);
    expect(await visibleTo('oscar')).toEqual(['approve', 'check']);
    expect(await visibleTo('alice')).toEqual(['approve', 'check']);
  });

  it('lets a candidate claim for themself only, and keeps a claimed task from the others', async () => {
    await expectRefused(await claim('mia', tasks.approve, 'carl'));
    await expectRefused(await claim('uma', tasks.approve, 'uma'));
    expect((await claim('carl', tasks.approve, 'carl')).status).toBe(204);
    const before = await h.snapshot();
    await expectRefused(await claim('mia', tasks.approve, 'mia'));
    await expectRefused(await h.request('mia', 'DELETE', `/v2/user-tasks/${tasks.approve}/assignee`));
    await expectRefused(await complete('mia', tasks.approve));
    expect(await h.snapshot()).toEqual(before);
    expect(await visibleTo('mia')).toEqual(['approve']);
    expect((await complete('carl', tasks.approve)).status).toBe(204);
    expect((await h.engine.getInstance(tasks.key)).variables).toMatchObject({ by: 'carl' });
  });

  it('maps a lane to a group: clerks complete the lane task, managers cannot', async () => {
    const before = await h.snapshot();
    await expectRefused(await claim('mia', tasks.check, 'mia'));
    await expectRefused(await complete('mia', tasks.check));
    expect(await h.snapshot()).toEqual(before);
    expect((await complete('cleo', tasks.check)).status).toBe(204);
  });

  it('lets an admin assign and unassign anyone, but not complete', async () => {
    expect((await claim('alice', tasks.approve, 'carl')).status).toBe(204);
    expect(await visibleTo('carl')).toEqual(['approve']);
    expect((await h.request('alice', 'DELETE', `/v2/user-tasks/${tasks.approve}/assignee`)).status).toBe(204);
    await expectRefused(await complete('alice', tasks.approve));
  });

  it('follows membership changes made by the admin at once', async () => {
    expect(await visibleTo('uma')).toEqual([]);
    expect((await h.request('alice', 'PUT', '/v2/identity/groups/clerks', { members: ['cleo', 'uma'] })).status).toBe(204);
    expect(await visibleTo('uma')).toEqual(['check']);
    expect((await complete('uma', tasks.check)).status).toBe(204);
  });

  it('answers 404 for a task that is no longer open, after authentication', async () => {
    const tasks = await h.atTasks();
    expect((await complete('mia', tasks.approve)).status).toBe(204);
    expect((await complete('mia', tasks.approve)).status).toBe(404);
    expect((await h.request('anonymous', 'POST', `/v2/user-tasks/${tasks.approve}/completion`, {})).status).toBe(401);
  });
});

describe('jobs, by type', () => {
  let h: AuthHarness;
  beforeEach(async () => {
    h = await authHarness();
  });
  afterEach(() => h.close());

  it('an API key scoped to ship can neither activate nor complete a charge-card job, and takes no lease', async () => {
    // given
    await h.startPay();
    const activation = { type: 'charge-card', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 };
    // when
    const refused = await h.request('shipKey', 'POST', '/v2/jobs/activation', activation);
    // then
    expect(refused.status).toBe(403);
    const { jobs } = (await (await h.request('payKey', 'POST', '/v2/jobs/activation', activation)).json()) as { jobs: { jobKey: string }[] };
    expect(jobs).toHaveLength(1);
    const jobKey = jobs[0]?.jobKey ?? '';
    expect((await h.request('shipKey', 'POST', `/v2/jobs/${jobKey}/completion`, { variables: {} })).status).toBe(403);
    expect((await h.request('payKey', 'POST', `/v2/jobs/${jobKey}/completion`, { variables: {} })).status).toBe(204);
  });
});
