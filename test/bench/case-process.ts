/**
 * One case on one system in a process of its own (forked by run.ts), so its peak
 * RSS is its own and it does not share a warmed JIT with the other system.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suites } from './cases.js';
import { drive } from './drive.js';
import type { CaseMessage, CaseRunConfig } from './protocol.js';
import type { BenchSystemFactory, SystemName } from './system.js';
import { createBatonSystem } from './systems/baton.js';
import { createBpmnEngineSystem } from './systems/bpmn-engine.js';

const factories: Record<SystemName, BenchSystemFactory> = { baton: createBatonSystem, 'bpmn-engine': createBpmnEngineSystem };

function send(message: CaseMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

async function main(config: CaseRunConfig): Promise<void> {
  const benchCase = suites[config.suite]?.find((c) => c.name === config.caseName);
  if (benchCase === undefined) throw new Error(`No case "${config.caseName}" in suite "${config.suite}".`);
  const xml = readFileSync(join(config.modelsDir, benchCase.modelFile), 'utf8');
  const decisions = (benchCase.decisionFiles ?? []).map((name) => ({ name, xml: readFileSync(join(config.modelsDir, name), 'utf8') }));
  const system = await factories[config.system](benchCase, xml, decisions);
  const completed = await system.traceOne();
  const missing = benchCase.mustComplete.filter((id) => !completed.includes(id));
  if (missing.length > 0) {
    throw new Error(`${config.system} did not complete ${missing.join(', ')} in ${benchCase.name}; it completed: ${completed.join(', ')}.`);
  }
  const runOne = (): Promise<void> => system.runOne();
  const common = { inFlight: config.inFlight, progressEveryMs: 1_000, stallMs: 10_000 };
  await drive(runOne, {
    ...common,
    durationMs: config.warmupMs,
    onProgress: (instances, elapsedMs) => void send({ type: 'progress', phase: 'warm-up', instances, elapsedMs }),
  });
  (globalThis as { gc?: () => void }).gc?.();
  const run = await drive(runOne, {
    ...common,
    durationMs: config.durationMs,
    onProgress: (instances, elapsedMs) => void send({ type: 'progress', phase: 'measure', instances, elapsedMs }),
  });
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await system.close();
  await send({
    type: 'result',
    result: {
      name: benchCase.name,
      system: config.system,
      instancesPerSec: run.instances / (run.elapsedMs / 1_000),
      cpuUsPerInstance: run.cpuUs / run.instances,
      peakRssMb,
      instances: run.instances,
      elapsedMs: run.elapsedMs,
    },
  });
}

// Exits explicitly: an engine may keep timers or sockets that would hold the process.
main(JSON.parse(process.argv[2] ?? '{}') as CaseRunConfig).then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
