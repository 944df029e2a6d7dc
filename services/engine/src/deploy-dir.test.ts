import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from './__fixtures__/harness.js';
import { readBpmnDir } from './deploy-dir.js';

/** Issue 12, finding 6d: `--deploy DIR` takes the model files `baton validate DIR` and `baton deploy DIR` take. */
describe('readBpmnDir (the node\'s --deploy DIR)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baton-deploy-dir-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads .bpmn, .bpmn2, .bpmn20.xml, BPMN .xml, .form and .dmn files, and skips other XML', async () => {
    // given
    await mkdir(join(dir, 'flowable'));
    await writeFile(join(dir, 'a.bpmn'), fixture('simple'));
    await writeFile(join(dir, 'b.bpmn2'), fixture('simple'));
    await writeFile(join(dir, 'flowable', 'c.bpmn20.xml'), fixture('simple'));
    await writeFile(join(dir, 'd.xml'), fixture('simple'));
    await writeFile(join(dir, 'e.form'), '{"id":"e","components":[]}');
    await writeFile(join(dir, 'f.dmn'), '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="f" />');
    await writeFile(join(dir, 'pom.xml'), '<project><modelVersion>4.0.0</modelVersion></project>');
    await writeFile(join(dir, 'notes.txt'), 'not a model');
    // when
    const resources = await readBpmnDir(dir);
    // then
    expect(resources.map((r) => r.name)).toEqual(['a.bpmn', 'b.bpmn2', 'd.xml', 'e.form', 'f.dmn', join('flowable', 'c.bpmn20.xml')]);
  });
});
