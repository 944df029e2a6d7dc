import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { BatonError } from '@baton/errors';
import { isBpmnResource, isDmnResource, mayBeBpmnFile } from '@baton/model';
import type { DeployResource } from './engine-api.js';

/**
 * Every BPMN model, `*.form` and `*.dmn` file under `dir` (recursively), in name order, named by its
 * path relative to `dir`. BPMN models are `.bpmn`, `.bpmn2`, `.bpmn20.xml`, and `.xml` files
 * holding BPMN `<definitions>` (other XML is skipped): the same choice as `baton validate DIR`.
 */
export async function readBpmnDir(dir: string): Promise<DeployResource[]> {
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch (error) {
    throw new BatonError('VALIDATION_FAILED', `Cannot read deploy directory "${dir}": ${(error as Error).message}`, { field: 'deployDir', dir }, { cause: error });
  }
  const isOther = (name: string): boolean => name.endsWith('.form') || isDmnResource(name);
  const candidates = names.filter((name) => isOther(name) || mayBeBpmnFile(name)).sort();
  const read = await Promise.all(candidates.map(async (name) => ({ name: relative(dir, join(dir, name)), xml: await readFile(join(dir, name), 'utf8') })));
  return read.filter((resource) => isOther(resource.name) || isBpmnResource(resource.name, resource.xml));
}
