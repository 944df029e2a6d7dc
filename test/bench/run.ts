/**
 * `npm run bench -- [suite] [--json FILE] [--duration-ms N] [--warmup-ms N]
 * [--in-flight N] [--system baton|bpmn-engine] [--case NAME] [--check]`
 *
 * Runs each case of the suite on each system, each in a forked process, prints
 * progress on stderr and the table on stdout; `--json` also writes
 * `{ suite, results: [{ name, system, instancesPerSec, cpuUsPerInstance, peakRssMb }] }`.
 * `--check` exits 1 when Baton misses the target ratio on a case.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { suites, type BenchCase } from './cases.js';
import { modelsDir } from './paths.js';
import type { CaseMessage, CaseResult, CaseRunConfig } from './protocol.js';
import { formatReport, ratiosOf } from './report.js';
import { systemNames, type SystemName } from './system.js';

interface Job {
  readonly benchCase: BenchCase;
  readonly system: SystemName;
}

function parseCli(): { config: Omit<CaseRunConfig, 'caseName' | 'system'>; jobs: Job[]; jsonFile?: string; isCheck: boolean } {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      'duration-ms': { type: 'string', default: '5000' },
      'warmup-ms': { type: 'string', default: '2000' },
      'in-flight': { type: 'string', default: '50' },
      system: { type: 'string', multiple: true },
      case: { type: 'string', multiple: true },
      check: { type: 'boolean', default: false },
    },
  });
  const suite = positionals[0] ?? 'core';
  const cases = suites[suite];
  if (cases === undefined) throw new Error(`Unknown suite "${suite}"; expected one of: ${Object.keys(suites).join(', ')}.`);
  const systems = (values.system ?? [...systemNames]) as SystemName[];
  for (const s of systems) if (!systemNames.includes(s)) throw new Error(`Unknown system "${s}"; expected ${systemNames.join(' or ')}.`);
  const chosen = cases.filter((c) => values.case === undefined || values.case.some((n) => c.name.startsWith(n)));
  if (chosen.length === 0) throw new Error(`No case of suite "${suite}" matches ${values.case?.join(', ')}.`);
  const config = {
    suite,
    modelsDir: modelsDir(),
    inFlight: positiveInt(values['in-flight'], 'in-flight'),
    warmupMs: positiveInt(values['warmup-ms'], 'warmup-ms'),
    durationMs: positiveInt(values['duration-ms'], 'duration-ms'),
  };
  const jobs = chosen.flatMap((benchCase) => systems.map((system) => ({ benchCase, system })));
  return { config, jobs, ...(values.json === undefined ? {} : { jsonFile: values.json }), isCheck: values.check };
}

function positiveInt(text: string | undefined, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got "${text}".`);
  return value;
}

function runCase(config: CaseRunConfig, label: string): Promise<CaseResult> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'case-process.js');
  const child = fork(entry, [JSON.stringify(config)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: CaseResult | undefined;
    let failure: string | undefined;
    child.on('message', (message: CaseMessage) => {
      switch (message.type) {
        case 'progress': {
          const rate = message.instances / (message.elapsedMs / 1_000);
          process.stderr.write(`${label} ${message.phase} ${(message.elapsedMs / 1_000).toFixed(1)} s: ${message.instances} instances (${Math.round(rate)}/s)\n`);
          return;
        }
        case 'result':
          result = message.result;
          return;
        case 'failed':
          failure = message.message;
          return;
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(failure ?? `case process exited with ${signal ?? code} and no result`));
    });
  });
}

async function main(): Promise<number> {
  const { config, jobs, jsonFile, isCheck } = parseCli();
  const results: CaseResult[] = [];
  let hasFailed = false;
  for (const [index, job] of jobs.entries()) {
    const label = `[${index + 1}/${jobs.length}] ${job.benchCase.name} ${job.system}`;
    process.stderr.write(`${label}: ${job.benchCase.title}, ${config.inFlight} in flight\n`);
    try {
      const result = await runCase({ ...config, caseName: job.benchCase.name, system: job.system }, label);
      process.stderr.write(`${label} done: ${Math.round(result.instancesPerSec)} instances/s\n`);
      results.push(result);
    } catch (error) {
      hasFailed = true;
      process.stderr.write(`${label} FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const heading =
    `Bench suite "${config.suite}": ${config.inFlight} instances in flight, ${config.warmupMs} ms warm-up, ` +
    `${config.durationMs} ms measured per case, each in its own process; Node ${process.version}`;
  process.stdout.write(`${formatReport(heading, results)}\n`);
  if (jsonFile !== undefined) {
    const json = {
      suite: config.suite,
      inFlight: config.inFlight,
      warmupMs: config.warmupMs,
      durationMs: config.durationMs,
      node: process.version,
      results: results.map(({ name, system, instancesPerSec, cpuUsPerInstance, peakRssMb }) => ({ name, system, instancesPerSec, cpuUsPerInstance, peakRssMb })),
    };
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
    process.stderr.write(`wrote ${jsonFile}\n`);
  }
  const isMissed = isCheck && ratiosOf(results).some((r) => !r.meetsTarget);
  return hasFailed || isMissed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
