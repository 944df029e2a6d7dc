import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { isBpmnResource, isDmnResource, mayBeBpmnFile } from '@baton/model';
import { findFiles, type FoundPath } from '@baton/scenario';

/**
 * The model files `paths` name: each file given, as is; under each folder (recursively)
 * every `.bpmn`, `.bpmn2` and `.bpmn20.xml` file, and every `.xml` file holding BPMN
 * `<definitions>` (other XML is skipped), as the node's `--deploy DIR` does; and every
 * `.dmn` file (DMN decisions, issue 16).
 */
export async function findBpmnFiles(paths: readonly string[]): Promise<FoundPath[]> {
  const found = await findFiles(paths, (name) => mayBeBpmnFile(name) || isDmnResource(name));
  return Promise.all(
    found.map(async (entry) => {
      const isGivenFile = entry.type === 'files' && entry.files.length === 1 && entry.files[0] === resolve(entry.path);
      if (entry.type === 'missing' || isGivenFile) return entry;
      const kept: string[] = [];
      for (const file of entry.files) {
        if (isDmnResource(basename(file)) || isBpmnResource(basename(file), await readFile(file, 'utf8').catch(() => ''))) kept.push(file);
      }
      return { ...entry, files: kept };
    }),
  );
}
