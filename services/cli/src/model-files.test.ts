import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningNode } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, nodeModels, startQuietNode } from './__fixtures__/cli-harness.js';

let dir: string;
let node: RunningNode;

/** The approval model as process `processId`. */
async function approval(processId: string): Promise<string> {
  return (await readFile(`${nodeModels}approval.bpmn`, 'utf8')).replace('id="approval"', `id="${processId}"`);
}

beforeAll(async () => {
  // given a folder as Flowable, older modelers and plain XML tools leave it
  dir = await mkdtemp(join(tmpdir(), 'baton-model-files-'));
  await mkdir(join(dir, 'flowable'));
  await writeFile(join(dir, 'flowable', 'order.bpmn20.xml'), await approval('flowable-order'));
  await writeFile(join(dir, 'legacy.bpmn2'), await approval('legacy'));
  await writeFile(join(dir, 'plain.xml'), await approval('plain-xml'));
  await writeFile(join(dir, 'pom.xml'), '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n');
  node = await startQuietNode();
}, 60_000);

afterAll(async () => {
  await node.close();
  await rm(dir, { recursive: true, force: true });
});

/** Issue 12, finding 6d: every command that reads a folder of models takes the same files. */
describe('model files in folders (issue 12, finding 6d)', () => {
  it('baton validate DIR checks .bpmn20.xml, .bpmn2 and BPMN .xml files, and skips other XML', async () => {
    const { code, stdout } = await baton('validate', dir);
    const checked = stdout.trimEnd().split('\n');
    expect(checked.filter((line) => line.startsWith('deployable ')).map((line) => line.replace(/^deployable .*baton-model-files-[^/]*\//, ''))).toEqual([
      'flowable/order.bpmn20.xml',
      'legacy.bpmn2',
      'plain.xml',
    ]);
    expect(stdout).not.toContain('pom.xml');
    expect(checked.at(-1)).toBe('3 deployable, 0 refused');
    expect(code).toBe(0);
  });

  it('baton deploy DIR deploys the same files', async () => {
    const { code, stdout, stderr } = await baton('deploy', dir, '--url', node.url, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const deployed = (JSON.parse(stdout) as { deployments: { processDefinition: { processDefinitionId: string } }[] }).deployments.map((d) => d.processDefinition.processDefinitionId);
    expect(deployed.sort()).toEqual(['flowable-order', 'legacy', 'plain-xml']);
  });
});

/** Issue 12, finding 5: validate names what moddle could not read, first, with its line. */
describe('baton validate: the cause of a refused model (issue 12, finding 5)', () => {
  it('prints the unknown element first, with its id and line, before the flows that miss it', async () => {
    // given
    const own = await mkdtemp(join(tmpdir(), 'baton-frob-'));
    const file = join(own, 'frob.bpmn');
    await writeFile(file, (await approval('frob')).replace('<bpmn:userTask id="approve"', '<bpmn:frobnicateTask id="approve"').replace('</bpmn:userTask>', '</bpmn:frobnicateTask>'));
    // when
    const { code, stdout } = await baton('validate', file);
    // then
    const problems = stdout.split('\n').filter((line) => line.startsWith('  ') && !line.startsWith('  warning'));
    expect(problems[0]).toMatch(/^ {2}UNKNOWN_ELEMENT approve \(line 10\): unknown type: .*unknown type <bpmn:FrobnicateTask>/);
    expect(problems.slice(1).every((line) => line.includes('follows from UNKNOWN_ELEMENT "approve"'))).toBe(true);
    expect(problems.length).toBeGreaterThan(1);
    expect(code).toBe(1);
    // and a refused `baton deploy` of the same file lists the same errors, in the same order (one path: parseBpmn)
    const refused = await baton('deploy', file, '--url', node.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trimEnd().split('\n').slice(1)).toEqual(problems);
    await rm(own, { recursive: true, force: true });
  });
});
