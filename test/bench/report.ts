import type { CaseResult } from './protocol.js';

/** Baton must do at least this many times bpmn-engine's instances/s (issue #3, "Speed"). */
export const targetRatio = 50;

export interface CaseRatio {
  readonly name: string;
  /** Baton instances/s over bpmn-engine's. */
  readonly throughput: number;
  /** bpmn-engine CPU per instance over Baton's. */
  readonly cpu: number;
  readonly meetsTarget: boolean;
}

/** Ratios Baton / bpmn-engine for each case both systems ran. */
export function ratiosOf(results: readonly CaseResult[]): CaseRatio[] {
  const names = [...new Set(results.map((r) => r.name))];
  const ratios: CaseRatio[] = [];
  for (const name of names) {
    const baton = results.find((r) => r.name === name && r.system === 'baton');
    const other = results.find((r) => r.name === name && r.system === 'bpmn-engine');
    if (baton === undefined || other === undefined) continue;
    const throughput = baton.instancesPerSec / other.instancesPerSec;
    ratios.push({ name, throughput, cpu: other.cpuUsPerInstance / baton.cpuUsPerInstance, meetsTarget: throughput >= targetRatio });
  }
  return ratios;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Left-aligned first column, the rest right-aligned, padded to the widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('   ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The results table, then the ratio table; plain text for stdout. */
export function formatReport(heading: string, results: readonly CaseResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.system,
    integer.format(r.instancesPerSec),
    oneDecimal.format(r.cpuUsPerInstance),
    oneDecimal.format(r.peakRssMb),
    integer.format(r.instances),
  ]);
  const parts = [heading, '', table(['case', 'system', 'instances/s', 'CPU µs/instance', 'peak RSS MB', 'instances'], rows)];
  const ratios = ratiosOf(results);
  if (ratios.length > 0) {
    const ratioRows = ratios.map((r) => [
      r.name,
      `${oneDecimal.format(r.throughput)}×`,
      `${oneDecimal.format(r.cpu)}×`,
      r.meetsTarget ? `>= ${targetRatio}× ok` : `< ${targetRatio}× MISSED`,
    ]);
    parts.push('', table(['Baton / bpmn-engine', 'instances/s', 'less CPU/instance', 'target'], ratioRows));
  }
  return parts.join('\n');
}
