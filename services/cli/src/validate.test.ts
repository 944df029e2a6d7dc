import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

async function baton(...argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
  return { code, stdout };
}

describe('baton validate', () => {
  it('says deployable for a good model and exits 0', async () => {
    const { code, stdout } = await baton('validate', `${fixtures}models/order.bpmn`);
    expect(stdout).toMatch(/^deployable .*order\.bpmn\n1 deployable, 0 refused\n$/);
    expect(code).toBe(0);
  });

  it('searches folders recursively and lists every problem of a refused file', async () => {
    // given a folder with a good model and, deeper, a broken one
    // when
    const { code, stdout } = await baton('validate', `${fixtures}models`);
    // then
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^refused .*nested\/broken\.bpmn$/);
    expect(lines.filter((l) => l.startsWith('  ')).length).toBeGreaterThan(0);
    expect(stdout).toMatch(/\n {2}\S+ (wait|split): /);
    expect(lines.some((l) => /^deployable .*order\.bpmn$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('1 deployable, 1 refused');
    expect(code).toBe(1);
  });

  it('checks DMN files found in folders: a good one is deployable, a broken one refused naming the decision', async () => {
    // when
    const { code, stdout } = await baton('validate', `${fixtures}decisions`);
    // then
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^refused .*decisions\/broken\.dmn$/);
    expect(lines[1]).toContain('INVALID_DECISION');
    expect(lines[1]).toContain('unknown hit policy "SOMETIMES"');
    expect(lines.some((l) => /^deployable .*decisions\/dinner\.dmn$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('1 deployable, 1 refused');
    expect(code).toBe(1);
  });

  it('refuses a non-executable process unless asked to allow it', async () => {
    const refused = await baton('validate', `${fixtures}draft.bpmn`);
    expect(refused.stdout).toContain('NOT_EXECUTABLE');
    expect(refused.code).toBe(1);
    const allowed = await baton('validate', `${fixtures}draft.bpmn`, '--allow-non-executable');
    expect(allowed.stdout).toMatch(/^deployable /);
    expect(allowed.code).toBe(0);
  });

  it('prints one JSON object per file with --json', async () => {
    const { stdout } = await baton('validate', `${fixtures}models/nested/broken.bpmn`, '--json');
    const [json, summary] = stdout.trimEnd().split('\n');
    const verdict = JSON.parse(json ?? '') as { deployable: boolean; problems: { code: string; message: string }[] };
    expect(verdict.deployable).toBe(false);
    expect(verdict.problems[0]).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    expect(summary).toBe('0 deployable, 1 refused');
  });

  it('refuses a path that does not exist', async () => {
    const { code, stdout } = await baton('validate', `${fixtures}nope.bpmn`);
    expect(stdout).toContain('NOT_FOUND: the file does not exist');
    expect(code).toBe(1);
  });

  it('shows help with an example', async () => {
    const { stdout, code } = await baton('validate', '--help');
    expect(stdout).toContain('--allow-non-executable');
    expect(stdout).toContain('$ baton validate examples/processes');
    expect(code).toBe(0);
  });
});
