import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { BatonError } from '@baton/errors';
import type { DeployResource } from './engine-api.js';

/** Every `*.bpmn` and `*.form` file under `dir` (recursively), in name order, named by its path relative to `dir`. */
export async function readBpmnDir(dir: string): Promise<DeployResource[]> {
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch (error) {
    throw new BatonError('VALIDATION_FAILED', `Cannot read deploy directory "${dir}": ${(error as Error).message}`, { field: 'deployDir', dir }, { cause: error });
  }
  const files = names.filter((name) => name.endsWith('.bpmn') || name.endsWith('.form')).sort();
  return Promise.all(files.map(async (name) => ({ name: relative(dir, join(dir, name)), xml: await readFile(join(dir, name), 'utf8') })));
}
