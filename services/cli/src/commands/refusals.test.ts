import { fileURLToPath } from 'node:url';
import type { RunningNode } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, deadUrl, nodeModels, startQuietNode } from '../__fixtures__/cli-harness.js';

const fixtures = fileURLToPath(new URL('../__fixtures__/', import.meta.url));

let node: RunningNode;
let url: string[];

beforeAll(async () => {
  node = await startQuietNode();
  url = ['--url', node.url];
});
afterAll(() => node.close());

describe('refused requests: exit 1 with the server\'s code and message on stderr', () => {
  it('lists every problem of a bad model, deploys none of the files, and exits 1', async () => {
    // when a good and a broken model are deployed together
    const refused = await baton('deploy', `${fixtures}models/nested/broken.bpmn`, `${nodeModels}approval.bpmn`, ...url);
    // then
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    const lines = refused.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('baton deploy: MODEL_INVALID: nothing deployed; broken.bpmn, approval.bpmn have 2 problem(s):');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^ {2}MISSING_EVENT_DETAIL wait: timer "wait"/), expect.stringMatching(/^ {2}NO_OUTGOING_FLOW split: /)]);
    expect((await baton('start', 'approval', ...url)).stderr).toMatch(/^baton start: DEFINITION_NOT_FOUND: /);
  });

  it('refuses a non-executable process unless --allow-non-executable', async () => {
    const refused = await baton('deploy', `${fixtures}draft.bpmn`, ...url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^baton deploy: MODEL_NOT_EXECUTABLE: .*\n {2}NOT_EXECUTABLE draft: .*--allow-non-executable/);

    const allowed = await baton('deploy', `${fixtures}draft.bpmn`, '--allow-non-executable', ...url);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/\ndraft +1 /);
  });

  it.each([
    ['instances', ['instances', '99999999999999'], /^baton instances: INSTANCE_NOT_FOUND: .*"99999999999999"/],
    ['instances --history', ['instances', '99999999999999', '--history'], /^baton instances: INSTANCE_NOT_FOUND: /],
    ['complete-task', ['complete-task', '99999999999999', '--var', 'approved=true'], /^baton complete-task: NOT_FOUND: .*"99999999999999"/],
    ['claim-task', ['claim-task', '99999999999999', '--assignee', 'ann'], /^baton claim-task: NOT_FOUND: /],
    ['cancel', ['cancel', '99999999999999'], /^baton cancel: INSTANCE_NOT_FOUND: /],
    ['resolve-incident', ['resolve-incident', '99999999999999'], /^baton resolve-incident: NOT_FOUND: /],
    ['start', ['start', 'no-such-process'], /^baton start: DEFINITION_NOT_FOUND: .*"no-such-process"/],
    ['publish-message --correlate', ['publish-message', 'nobody-waits', '--correlation-key', 'k', '--correlate'], /^baton publish-message: NOT_FOUND: /],
  ])('%s with an unknown key exits 1 with the not-found code', async (_name, argv, expected) => {
    const result = await baton(...argv, ...url);
    expect(result.stderr).toMatch(expected);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
  });

  it.each([
    [['start', 'approval', '--var', 'amount'], 'VALIDATION_FAILED: --var expects name=value'],
    [['start', 'approval', '--variables', '[1]'], 'VALIDATION_FAILED: --variables expects a JSON object'],
    [['start', 'approval', '--variables', '{nope'], 'VALIDATION_FAILED: --variables expects a JSON object'],
    [['publish-message', 'm', '--ttl', 'an hour'], 'VALIDATION_FAILED: --ttl expects an ISO 8601 duration'],
    [['resolve-incident', 'k', '--retries', '-1'], 'VALIDATION_FAILED: --retries expects a positive whole number'],
    [['publish-message', 'm', '--correlate', '--ttl', 'PT1H'], 'VALIDATION_FAILED: --correlate delivers now or fails, so --ttl does not apply'],
    [['deploy', `${fixtures}no-such-file.bpmn`], 'NOT_FOUND: '],
    [['tasks', '--url', 'not a url'], 'VALIDATION_FAILED: --url (or BATON_URL) must be an http(s) URL'],
    [['instances', '--state', 'RUNNING'], "argument 'RUNNING' is invalid. Allowed choices are ACTIVE, COMPLETED, TERMINATED"],
  ])('refuses bad arguments before any request: %j', async (argv, expected) => {
    const result = await baton(...argv, ...url.filter(() => !argv.includes('--url')));
    expect(result.stderr).toContain(expected);
    expect(result.code).toBe(1);
  });
});

describe('a node that is not there: exit 3', () => {
  it.each([['tasks'], ['instances'], ['instances', 'k'], ['deploy', `${nodeModels}approval.bpmn`], ['start', 'approval'], ['incidents']])(
    '%s says which URL it tried and how to start a node',
    async (...argv) => {
      const nowhere = await deadUrl();
      const result = await baton(...argv, '--url', nowhere);
      expect(result.code).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`cannot reach a Baton node at ${nowhere} (ECONNREFUSED)`);
      expect(result.stderr).toContain('`npm start`');
      expect(result.stderr).toContain('`baton serve`');
    },
  );
});

describe('help', () => {
  it.each([
    ['deploy', '$ baton deploy '],
    ['start', '$ baton start order --var amount=150'],
    ['instances', '$ baton instances '],
    ['tasks', '$ baton tasks'],
    ['complete-task', '$ baton complete-task '],
    ['claim-task', '$ baton claim-task '],
    ['publish-message', '$ baton publish-message '],
    ['broadcast-signal', '$ baton broadcast-signal '],
    ['cancel', '$ baton cancel '],
    ['incidents', '$ baton incidents'],
    ['resolve-incident', '$ baton resolve-incident '],
  ])('%s --help shows the node options and an example', async (command, example) => {
    const { code, stdout } = await baton(command, '--help');
    expect(stdout).toContain(`Usage: baton ${command} `);
    expect(stdout).toContain('--url <url>');
    expect(stdout).toContain('BATON_URL');
    expect(stdout).toContain('--json');
    expect(stdout).toContain(example);
    expect(code).toBe(0);
  });
});
