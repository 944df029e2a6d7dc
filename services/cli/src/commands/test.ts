import type { Command } from 'commander';
import { formatResultJson, formatResultLine, formatSummary, runScenarioFiles } from '@baton/scenario';
import { exitCodes, type CommandContext } from '../io.js';

/** `baton test PATH... [--json]`: runs scenario files (shared/spec/scenario.md). */
export function registerTest(program: Command, ctx: CommandContext): void {
  program
    .command('test')
    .summary('run process test scenarios (*.scenario.json)')
    .description(
      'Runs every *.scenario.json file found under the given files or folders (searched recursively), ' +
        'each on a fresh in-memory engine with a virtual clock. Prints one line per scenario, ' +
        '"ok NAME" or "FAIL NAME: step K (kind): why", then "N passed, N failed". ' +
        'Exits 0 only when every scenario passed.',
    )
    .argument('<paths...>', 'scenario files or folders')
    .option('--json', 'print one JSON object per scenario (name, passed, failedStep, message, durationMs)')
    .addHelpText('after', '\nExamples:\n  $ baton test test/scenarios\n  $ baton test orders/approval.scenario.json --json\n')
    .action(async (paths: string[], options: { json?: boolean }) => {
      const format = options.json === true ? formatResultJson : formatResultLine;
      const results = await runScenarioFiles(paths, { onResult: (result) => ctx.io.stdout(`${format(result)}\n`) });
      ctx.io.stdout(`${formatSummary(results)}\n`);
      ctx.exitCode = results.every((r) => r.passed) ? exitCodes.ok : exitCodes.failed;
    });
}
