import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { DeployFile, DeploymentResult } from '@baton/client';
import { BatonError, isBatonError } from '@baton/errors';
import { findFiles } from '@baton/scenario';
import { findBpmnFiles } from '../bpmn-files.js';
import type { CommandContext } from '../io.js';
import { table } from '../remote/format.js';
import { againstNode, printJson, withNodeOptions, type NodeFlags } from '../remote/node.js';

interface DeployFlags extends NodeFlags {
  readonly allowNonExecutable?: boolean;
}

/** Every file the paths name, and the BPMN (see `findBpmnFiles`) and .form files under named folders; a missing path is refused. */
async function readResources(paths: readonly string[]): Promise<DeployFile[]> {
  const resources: DeployFile[] = [];
  const seen = new Set<string>();
  const forms = (await findFiles(paths, '.form')).flatMap((found) => (found.type === 'files' ? found.files.filter((f) => f.endsWith('.form')) : []));
  for (const found of await findBpmnFiles(paths)) {
    if (found.type === 'missing') {
      throw new BatonError('NOT_FOUND', `${found.path} does not exist; give BPMN files or folders holding them.`, { field: 'files' });
    }
    for (const file of found.files) seen.add(file);
  }
  for (const file of forms) seen.add(file);
  for (const file of seen) resources.push({ name: basename(file), content: await readFile(file, 'utf8') });
  if (resources.length === 0) {
    throw new BatonError('VALIDATION_FAILED', `No BPMN file (.bpmn, .bpmn2, .bpmn20.xml, or .xml holding BPMN definitions) found under ${paths.join(', ')}.`, { field: 'files' });
  }
  return resources;
}

/** The server's refusal, with a headline short enough to precede its list of problems. */
function shortened(error: unknown, resources: readonly DeployFile[]): unknown {
  if (!isBatonError(error) || error.details['status'] !== 400 || !Array.isArray(error.details['problems'])) return error;
  const count = error.details['problems'].length;
  const names = resources.map((r) => r.name).join(', ');
  return new BatonError(error.code, `nothing deployed; ${names} ha${resources.length === 1 ? 's' : 've'} ${count} problem(s):`, error.details);
}

function formatDeployment(result: DeploymentResult): string {
  const rows = result.deployments.flatMap((item) =>
    'processDefinition' in item ? [[item.processDefinition.processDefinitionId, String(item.processDefinition.processDefinitionVersion), item.processDefinition.processDefinitionKey, item.processDefinition.resourceName]] : [],
  );
  const forms = result.deployments.length - rows.length;
  return `deployed ${rows.length} process(es)${forms === 0 ? '' : ` and ${forms} form(s)`}\n${table(['PROCESS', 'VERSION', 'KEY', 'RESOURCE'], rows)}`;
}

/** `baton deploy FILE... [--allow-non-executable]`: deploys BPMN models to a running node. */
export function registerDeploy(program: Command, ctx: CommandContext): void {
  const command = program
    .command('deploy')
    .summary('deploy BPMN models to a running node')
    .description(
      'Deploys every file given, and every BPMN file (.bpmn, .bpmn2, .bpmn20.xml, .xml holding BPMN definitions) and .form file ' +
        'found under the given folders, to the node in one deployment: ' +
        'all of them or none. Prints each deployed process (id, version, key), or every problem found ' +
        '(code, process, element, message) on stderr and exits 1.',
    )
    .argument('<files...>', 'BPMN files or folders')
    .option('--allow-non-executable', 'accept processes with isExecutable="false"');
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton deploy services/engine/examples/order.bpmn\n  $ baton deploy models/ --url http://10.0.0.5:8080 --json\n')
    .action(async (files: string[], flags: DeployFlags) =>
      againstNode(ctx, 'deploy', flags, async (client) => {
        const resources = await readResources(files);
        const result = await client
          .deployResources({ resources, ...(flags.allowNonExecutable === true ? { allowNonExecutable: true } : {}) })
          .catch((error: unknown) => Promise.reject(shortened(error, resources)));
        if (flags.json === true) printJson(ctx, result);
        else ctx.io.stdout(formatDeployment(result));
      }),
    );
}
