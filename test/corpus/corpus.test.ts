import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBpmnResource, mayBeBpmnFile, parseBpmn, type DefinitionsResult, type ModelProblem } from '@baton/model';
import { describe, expect, it } from 'vitest';

/**
 * Every public BPMN model in /work/shared/corpus either deploys or is refused with
 * problems a user can act on: a specific code, the element, a message. Never a throw.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusRoot = path.resolve(repoRoot, '../shared/corpus');

/** The files `baton validate DIR` and `--deploy DIR` take: `.bpmn`, `.bpmn2`, Flowable's `.bpmn20.xml`, BPMN `.xml` (issue 12, finding 6d). */
function bpmnFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return bpmnFiles(full);
    return mayBeBpmnFile(entry.name) && isBpmnResource(entry.name, readFileSync(full, 'utf8')) ? [full] : [];
  });
}

const fileLevelCodes = new Set(['XML_INVALID', 'NO_PROCESS']);

function isActionable(problem: ModelProblem): boolean {
  return problem.message.trim().length > 0 && (problem.elementId !== undefined || problem.line !== undefined || fileLevelCodes.has(problem.code));
}

const present = existsSync(corpusRoot);

describe('public BPMN corpus', { timeout: 120_000 }, () => {
  it('is present (CI requires it)', () => {
    if (process.env['CI'] === 'true') expect(present, `corpus folder ${corpusRoot} is missing`).toBe(true);
  });

  it.runIf(present)('parses every model into definitions or actionable problems', async () => {
    // given every *.bpmn file of the corpus
    const files = bpmnFiles(corpusRoot).sort();
    expect(files.length).toBeGreaterThan(0);
    const refusedBy: Record<string, number> = {};
    let deployable = 0;
    for (const file of files) {
      // when it is parsed, allowing non-executable processes
      let result: DefinitionsResult | undefined;
      await expect(
        (async () => {
          result = await parseBpmn(readFileSync(file, 'utf8'), { allowNonExecutable: true });
        })(),
        file,
      ).resolves.toBeUndefined();
      const errors = result!.problems.filter((p) => p.severity === 'error');
      // then it deploys, or every error names a code, an element and what is wrong
      for (const problem of result!.problems) expect(problem.message.trim(), `${file}: ${problem.code}`).not.toBe('');
      if (errors.length === 0) {
        expect(result!.processes.length, `${file} deploys no process`).toBeGreaterThan(0);
        deployable += 1;
        continue;
      }
      for (const error of errors) expect(isActionable(error), `${file}: ${JSON.stringify(error)}`).toBe(true);
      for (const code of new Set(errors.map((e) => e.code))) refusedBy[code] = (refusedBy[code] ?? 0) + 1;
    }
    // By default (no flags): a process without isExecutable deploys with a warning, isExecutable="false" is refused (issue 16).
    let byDefault = 0;
    for (const file of files) {
      const plain = await parseBpmn(readFileSync(file, 'utf8'));
      if (plain.processes.length > 0 && !plain.problems.some((p) => p.severity === 'error')) byDefault += 1;
    }
    expect(byDefault).toBeLessThanOrEqual(deployable);
    process.stdout.write(`corpus: ${byDefault} of ${files.length} deployable by default (without --allow-non-executable)\n`);
    const refused = files.length - deployable;
    const byCode = Object.entries(refusedBy)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, count]) => `${code} ${count}`)
      .join(', ');
    process.stdout.write(`corpus: ${files.length} models, ${deployable} deployable, ${refused} refused (files per code: ${byCode})\n`);
    expect(deployable + refused).toBe(files.length);
  });
});
