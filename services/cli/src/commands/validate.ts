import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { describeProblem, isDmnResource, parseBpmn, parseDmn } from '@baton/model';
import { findBpmnFiles } from '../bpmn-files.js';
import { exitCodes, type CommandContext } from '../io.js';

/** One thing wrong with a file, as printed. */
interface FileProblem {
  readonly code: string;
  readonly elementId?: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** The verdict on one BPMN or DMN file. */
interface FileVerdict {
  readonly file: string;
  readonly deployable: boolean;
  readonly problems: readonly FileProblem[];
}

/** `baton validate PATH... [--allow-non-executable] [--json]`: would these models deploy? */
export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .summary('check BPMN and DMN files the way deployment does')
    .description(
      'Checks every BPMN or DMN file given, or found under the given folders (searched recursively: .bpmn, .bpmn2, ' +
        '.bpmn20.xml, .xml files holding BPMN definitions, and .dmn), the way ' +
        'deployment does. Prints "deployable FILE" or "refused FILE" followed by every problem ' +
        '(code, element id, line when known, message; the root cause first), then "N deployable, N refused". ' +
        'Exits 1 when any file is refused. POST /v2/deployments lists the same problems.',
    )
    .argument('<paths...>', 'BPMN files or folders')
    .option('--allow-non-executable', 'accept processes with isExecutable="false"')
    .option('--json', 'print one JSON object per file (file, deployable, problems)')
    .addHelpText('after', '\nExamples:\n  $ baton validate examples/processes\n  $ baton validate order.bpmn --allow-non-executable --json\n')
    .action(async (paths: string[], options: { json?: boolean; allowNonExecutable?: boolean }) => {
      const verdicts: FileVerdict[] = [];
      for (const found of await findBpmnFiles(paths)) {
        const files = found.type === 'missing' ? [found.path] : found.files;
        for (const file of files) {
          const verdict = await validateFile(file, options.allowNonExecutable === true);
          verdicts.push(verdict);
          ctx.io.stdout(options.json === true ? `${JSON.stringify(verdict)}\n` : formatVerdict(verdict));
        }
      }
      const refused = verdicts.filter((v) => !v.deployable).length;
      ctx.io.stdout(`${verdicts.length - refused} deployable, ${refused} refused\n`);
      ctx.exitCode = refused === 0 ? exitCodes.ok : exitCodes.failed;
    });
}

async function validateFile(path: string, allowNonExecutable: boolean): Promise<FileVerdict> {
  const file = relative(process.cwd(), path) || path;
  let xml: string;
  try {
    xml = await readFile(path, 'utf8');
  } catch (err) {
    const missing = (err as { code?: unknown }).code === 'ENOENT';
    const problem: FileProblem = { code: missing ? 'NOT_FOUND' : 'UNREADABLE', message: missing ? 'the file does not exist' : (err as Error).message, severity: 'error' };
    return { file, deployable: false, problems: [problem] };
  }
  const { problems } = isDmnResource(path) ? await parseDmn(xml) : await parseBpmn(xml, { allowNonExecutable });
  return { file, deployable: !problems.some((p) => p.severity === 'error'), problems: problems.map(({ processId: _processId, ...listed }) => listed) };
}

function formatVerdict(verdict: FileVerdict): string {
  const lines = [`${verdict.deployable ? 'deployable' : 'refused'} ${verdict.file}`];
  for (const p of verdict.problems) {
    lines.push(`  ${p.severity === 'warning' ? 'warning ' : ''}${describeProblem(p)}`);
  }
  return `${lines.join('\n')}\n`;
}
