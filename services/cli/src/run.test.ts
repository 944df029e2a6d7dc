import { hashApiKey } from '@baton/engine';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from './run.js';

/** Runs `baton ...argv` in process and captures what it writes. */
async function baton(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const fixtureModel = fileURLToPath(new URL('./__fixtures__/models/order.bpmn', import.meta.url));

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-cli-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('baton test', () => {
  it('prints ok and FAIL lines, the closing line, and exits 1 when one failed', async () => {
    // given a model and two scenarios on it, one passing and one failing at step 2
    await copyFile(fixtureModel, join(dir, 'order.bpmn'));
    const steps = [{ start: {} }, { expectWaiting: ['charge'] }, { completeJob: { element: 'charge' } }, { expectWaiting: ['approve'] }];
    await writeFile(join(dir, 'a.scenario.json'), JSON.stringify({ name: 'charge then approve', bpmn: 'order.bpmn', steps }));
    await writeFile(join(dir, 'b.scenario.json'), JSON.stringify({ name: 'approve first', bpmn: 'order.bpmn', steps: [{ start: {} }, { expectWaiting: ['approve'] }] }));
    // when
    const { code, stdout } = await baton('test', dir);
    // then
    expect(stdout).toBe('ok charge then approve\nFAIL approve first: step 2 (expectWaiting): expected waiting [approve] but found [charge]\n1 passed, 1 failed\n');
    expect(code).toBe(1);
  });

  it('exits 0 when every scenario passed', async () => {
    await copyFile(fixtureModel, join(dir, 'order.bpmn'));
    await writeFile(join(dir, 'a.scenario.json'), JSON.stringify({ name: 'waits at charge', bpmn: 'order.bpmn', steps: [{ start: {} }, { expectWaiting: ['charge'] }] }));
    const { code, stdout } = await baton('test', join(dir, 'a.scenario.json'), '--json');
    const [json, summary] = stdout.trimEnd().split('\n');
    expect(JSON.parse(json ?? '')).toEqual({ name: 'waits at charge', passed: true, durationMs: expect.any(Number) });
    expect(summary).toBe('1 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('counts a scenario that cannot be loaded as failed, with the reason', async () => {
    // given a scenario file that is not JSON
    await writeFile(join(dir, 'broken.scenario.json'), '{ nope');
    // when
    const { code, stdout } = await baton('test', dir);
    // then
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^FAIL .*broken\.scenario\.json: cannot load: .*is not valid JSON/);
    expect(lines[1]).toBe('0 passed, 1 failed');
    expect(code).toBe(1);
  });

  it('names the scenario and the step in an unknown-step failure', async () => {
    await writeFile(join(dir, 'order.bpmn'), '<definitions/>');
    await writeFile(join(dir, 'a.scenario.json'), JSON.stringify({ name: 'typo', bpmn: 'order.bpmn', steps: [{ strat: {} }] }));
    const { code, stdout } = await baton('test', join(dir, 'a.scenario.json'));
    expect(stdout).toBe('FAIL typo: cannot load: steps[1]: unknown step "strat"; steps are start, completeJob, failJob, throwError, completeUserTask, correlateMessage, broadcastSignal, advanceTime, cancel, setVariables, expectWaiting, expectCompleted, expectNotCompleted, expectVariables, expectState\n0 passed, 1 failed\n');
    expect(code).toBe(1);
  });

  it('prints one JSON object per scenario with --json, then the closing line', async () => {
    await writeFile(join(dir, 'm.scenario.json'), JSON.stringify({ name: 'missing model', bpmn: 'gone.bpmn', steps: [] }));
    const { code, stdout } = await baton('test', dir, '--json');
    const [json, summary] = stdout.trimEnd().split('\n');
    expect(JSON.parse(json ?? '')).toMatchObject({ name: 'missing model', passed: false, message: expect.stringContaining('gone.bpmn not found') });
    expect(Object.keys(JSON.parse(json ?? '') as object).sort()).toEqual(['durationMs', 'message', 'name', 'passed']);
    expect(summary).toBe('0 passed, 1 failed');
    expect(code).toBe(1);
  });

  it('reports a path that does not exist as a failed scenario', async () => {
    const { code, stdout } = await baton('test', join(dir, 'nothing-here'));
    expect(stdout).toContain('cannot load:');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(code).toBe(1);
  });

  it('passes an empty folder with 0 passed, 0 failed', async () => {
    const { code, stdout } = await baton('test', dir);
    expect(stdout).toBe('0 passed, 0 failed\n');
    expect(code).toBe(0);
  });

  it('shows help with an example', async () => {
    const { code, stdout } = await baton('test', '--help');
    expect(stdout).toContain('Usage: baton test [options] <paths...>');
    expect(stdout).toContain('$ baton test test/scenarios');
    expect(code).toBe(0);
  });

  it('refuses a call without paths', async () => {
    const { code, stderr } = await baton('test');
    expect(stderr).toContain("missing required argument 'paths'");
    expect(code).toBe(1);
  });
});

describe('baton create-api-key', () => {
  it('prints a key and the hash the identity file keeps, which match', async () => {
    const { code, stdout } = await baton('create-api-key', 'printer-pc');
    expect(code).toBe(0);
    const [, key, hash] = /^key: {2}(\S+)\nhash: (\S+)\n$/.exec(stdout) ?? [];
    expect(key).toMatch(/^baton_printer-pc_/);
    expect(hash).toBe(hashApiKey(key ?? ''));
  });
});

describe('baton faye-server', () => {
  it('refuses to start without a token, since clients must send one', async () => {
    const saved = process.env['BATON_FAYE_TOKEN'];
    delete process.env['BATON_FAYE_TOKEN'];
    try {
      const { code, stderr } = await baton('faye-server', '--port', '0');
      expect(stderr).toContain('a token is required');
      expect(code).toBe(1);
    } finally {
      if (saved !== undefined) process.env['BATON_FAYE_TOKEN'] = saved;
    }
  });
});

describe('baton serve', () => {
  it('refuses an unsupported store with the option named, and exits 1', async () => {
    const { code, stderr } = await baton('serve', '--port', '0', '--store', 'mysql://x');
    expect(stderr).toMatch(/^baton serve: VALIDATION_FAILED: .*store/);
    expect(code).toBe(1);
  });

  it('refuses a port that is not a number', async () => {
    const { code, stderr } = await baton('serve', '--port', 'eighty');
    expect(stderr).toContain('--port must be a port number');
    expect(code).toBe(1);
  });

  it.each(['--expression-max-steps', '--expression-max-result-size', '--expression-max-depth'])('refuses %s that is not a positive whole number (issue 12)', async (flag) => {
    const { code, stderr } = await baton('serve', '--port', '0', flag, '0');
    expect(stderr).toContain(`${flag} must be a positive whole number, got "0"`);
    expect(code).toBe(1);
  });

  it.each([
    [['--variables-max-entries', '0'], '--variables-max-entries must be a positive whole number, got "0"'],
    [['--variables-max-depth', '5000'], 'VALIDATION_FAILED: Expected variable limit maxDepth to be a whole number from 1 to 1000, but found 5000'],
    [['--body-limit', '1MB'], '--body-limit must be a positive whole number of bytes, got "1MB"'],
  ])('refuses a request limit out of range: %s (issue 12)', async (flags, message) => {
    const { code, stderr } = await baton('serve', '--port', '0', ...flags);
    expect(stderr).toContain(message);
    expect(code).toBe(1);
  });
});

describe('baton', () => {
  it('refuses an unknown command', async () => {
    const { code, stderr } = await baton('tset');
    expect(stderr).toContain("unknown command 'tset'");
    expect(code).toBe(1);
  });

  it.each(['test', 'validate', 'serve'])('lists %s in its help', async (command) => {
    const { stdout, code } = await baton('--help');
    expect(stdout).toContain(command);
    expect(code).toBe(0);
  });
});
