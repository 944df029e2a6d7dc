/**
 * `npm run bench -- [core|cluster] [--json FILE] [--duration-ms N] [--warmup-ms N]
 * [--in-flight N] [--system NAME] [--case NAME] [--check]`, and for `cluster` also
 * `[--nodes 1,2,3] [--bus memory,nats,faye] [--waiting N] [--store postgres]` (see README.md).
 *
 * Runs each case of the suite on each system, each in a forked process, prints
 * progress on stderr and the table on stdout; `--json` also writes
 * `{ suite, results: [{ name, system, instancesPerSec, ... }] }`.
 * `--check` exits 1 when Baton misses the target ratio on a case.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { busKinds, type BusKind } from './buses.js';
import { suites, type BenchCase } from './cases.js';
import { runClusterSuite, type ClusterCli } from './cluster-suite.js';
import { loadStores, runLoadSuite, type LoadCli, type LoadStore } from './load-suite.js';
import { runRoundTrips } from './round-trips.js';
import { benchStores, clusterSystemNames, type BenchStore, type ClusterSystemName } from './cluster-system.js';
import { benchExecArgv, modelsDir } from './paths.js';
import type { CaseMessage, CaseResult, CaseRunConfig } from './protocol.js';
import { formatReport, ratiosOf } from './report.js';
import { systemNames, type SystemName } from './system.js';

interface Job {
  readonly benchCase: BenchCase;
  readonly system: SystemName;
}

type CliValues = ReturnType<typeof parseArgv>['values'];

function parseArgv() {
  return parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      'duration-ms': { type: 'string', default: '5000' },
      'warmup-ms': { type: 'string', default: '2000' },
      'in-flight': { type: 'string', default: '50' },
      system: { type: 'string', multiple: true },
      case: { type: 'string', multiple: true },
      check: { type: 'boolean', default: false },
      nodes: { type: 'string' },
      bus: { type: 'string' },
      waiting: { type: 'string', default: '0' },
      store: { type: 'string', default: 'redis' },
      stores: { type: 'string', default: loadStores.join(',') },
      jobs: { type: 'string', default: '3000' },
    },
  });
}

function chooseCases(suite: string, values: CliValues): BenchCase[] {
  const cases = suites[suite];
  if (cases === undefined) throw new Error(`Unknown suite "${suite}"; expected one of: ${Object.keys(suites).join(', ')}.`);
  const chosen = cases.filter((c) => values.case === undefined || values.case.some((n) => c.name.startsWith(n)));
  if (chosen.length === 0) throw new Error(`No case of suite "${suite}" matches ${values.case?.join(', ')}.`);
  return chosen;
}

function chooseSystems<S extends string>(values: CliValues, names: readonly S[]): S[] {
  const systems = (values.system ?? [...names]) as S[];
  for (const s of systems) if (!names.includes(s)) throw new Error(`Unknown system "${s}"; expected ${names.join(' or ')}.`);
  return systems;
}

function list(text: string, name: string): string[] {
  const items = text.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (items.length === 0) throw new Error(`--${name} needs a comma-separated list, got "${text}".`);
  return items;
}

/** `cluster`: without --nodes/--bus one node on the memory bus; with either, the cluster rows of issue #6. */
function parseClusterCli(values: CliValues): ClusterCli {
  const isCluster = values.nodes !== undefined || values.bus !== undefined;
  const nodes = [...new Set(list(values.nodes ?? '1', 'nodes').map((n) => positiveInt(n, 'nodes')))].sort((a, b) => a - b);
  const buses = list(values.bus ?? (isCluster ? busKinds.join(',') : 'memory'), 'bus');
  for (const b of buses) if (!busKinds.includes(b as BusKind)) throw new Error(`Unknown bus "${b}"; expected ${busKinds.join(', ')}.`);
  const asked = list(values.store, 'store');
  for (const s of asked) if (!benchStores.includes(s as BenchStore)) throw new Error(`Unknown store "${s}"; expected ${benchStores.join(' or ')}.`);
  // Postgres rows come beside the Redis rows of the same run (issue 15: the ratio is taken between them).
  const stores = benchStores.filter((s) => s === 'redis' || asked.includes(s));
  const waiting = Number(values.waiting);
  if (!Number.isInteger(waiting) || waiting < 0) throw new Error(`--waiting must be a whole number, got "${values.waiting}".`);
  return {
    cases: chooseCases('cluster', values),
    systems: chooseSystems<ClusterSystemName>(values, clusterSystemNames),
    stores,
    nodes,
    buses: buses as BusKind[],
    isCluster,
    waiting,
    timing: {
      inFlight: positiveInt(values['in-flight'], 'in-flight'),
      warmupMs: positiveInt(values['warmup-ms'], 'warmup-ms'),
      durationMs: positiveInt(values['duration-ms'], 'duration-ms'),
      modelsDir: modelsDir(),
    },
    ...(values.json === undefined ? {} : { jsonFile: values.json }),
    isCheck: values.check,
  };
}

/** `load`: `--stores memory,redis`, `--jobs N` for the external workers, `--waiting N` (default 10,000) for the memory row. */
function parseLoadCli(values: CliValues): LoadCli {
  const stores = list(values.stores, 'stores');
  for (const s of stores) if (!loadStores.includes(s as LoadStore)) throw new Error(`Unknown store "${s}"; expected ${loadStores.join(', ')}.`);
  return {
    stores: stores as LoadStore[],
    inFlight: positiveInt(values['in-flight'], 'in-flight'),
    warmupMs: positiveInt(values['warmup-ms'], 'warmup-ms'),
    durationMs: positiveInt(values['duration-ms'], 'duration-ms'),
    jobs: positiveInt(values.jobs, 'jobs'),
    waiting: values.waiting === '0' ? 10_000 : positiveInt(values.waiting, 'waiting'),
  };
}

function parseCli(suite: string, values: CliValues): { config: Omit<CaseRunConfig, 'caseName' | 'system'>; jobs: Job[]; jsonFile?: string; isCheck: boolean } {
  const systems = chooseSystems<SystemName>(values, systemNames);
  const chosen = chooseCases(suite, values);
  const config = {
    suite,
    modelsDir: modelsDir(),
    inFlight: positiveInt(values['in-flight'], 'in-flight'),
    warmupMs: positiveInt(values['warmup-ms'], 'warmup-ms'),
    durationMs: positiveInt(values['duration-ms'], 'duration-ms'),
  };
  // A case with DMN files runs on Baton only: bpmn-engine evaluates no DMN.
  const jobs = chosen.flatMap((benchCase) => systems.filter((system) => benchCase.decisionFiles === undefined || system === 'baton').map((system) => ({ benchCase, system })));
  return { config, jobs, ...(values.json === undefined ? {} : { jsonFile: values.json }), isCheck: values.check };
}

function positiveInt(text: string | undefined, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got "${text}".`);
  return value;
}

function runCase(config: CaseRunConfig, label: string): Promise<CaseResult> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'case-process.js');
  const child = fork(entry, [JSON.stringify(config)], { execArgv: benchExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
  const { values, positionals } = parseArgv();
  const suite = positionals[0] ?? 'core';
  if (suite === 'cluster') return runClusterSuite(parseClusterCli(values));
  if (suite === 'round-trips') return runRoundTrips();
  if (suite === 'load') return runLoadSuite(parseLoadCli(values));
  const { config, jobs, jsonFile, isCheck } = parseCli(suite, values);
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

// Exits explicitly: a bus client or the Faye endpoint may leave a timer that would hold the runner.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
