import { Redis } from 'ioredis';

/** What Redis reports about itself at one moment (INFO commandstats, cpu, memory). */
export interface RedisSnapshot {
  /** Calls per command, as `cmdstat_<name>` counts them: commands run inside Lua scripts count too. */
  readonly calls: Readonly<Record<string, number>>;
  /** used_cpu_user + used_cpu_sys of the server process, µs. */
  readonly cpuUs: number;
  /** used_memory, bytes. */
  readonly usedMemory: number;
}

/** What Redis did between two snapshots, without the bench's own INFO calls. */
export interface RedisDelta {
  readonly commands: number;
  /** EVAL/EVALSHA/FCALL calls: each is one round trip running many commands. */
  readonly scripts: number;
  readonly cpuUs: number;
  readonly usedMemory: number;
  readonly calls: Readonly<Record<string, number>>;
}

function field(info: string, name: string): number {
  const line = info.split(/\r?\n/).find((l) => l.startsWith(`${name}:`));
  return Number(line?.slice(name.length + 1).trim() ?? 'NaN');
}

function parseCommandStats(info: string): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[match[1] as string] = Number(match[2]);
  return calls;
}

/** One INFO round trip each for commandstats, cpu and memory. */
export async function snapshot(client: Redis): Promise<RedisSnapshot> {
  const [stats, cpu, memory] = await Promise.all([client.info('commandstats'), client.info('cpu'), client.info('memory')]);
  const cpuSec = field(cpu, 'used_cpu_user') + field(cpu, 'used_cpu_sys');
  return { calls: parseCommandStats(stats), cpuUs: Math.round(cpuSec * 1e6), usedMemory: field(memory, 'used_memory') };
}

const benchOwn = new Set(['info', 'client|setname', 'client|setinfo', 'hello', 'select', 'quit']);
const scriptCommands = new Set(['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall', 'fcall_ro']);

export function delta(before: RedisSnapshot, after: RedisSnapshot): RedisDelta {
  const calls: Record<string, number> = {};
  for (const [name, count] of Object.entries(after.calls)) {
    const d = count - (before.calls[name] ?? 0);
    if (d > 0 && !benchOwn.has(name)) calls[name] = d;
  }
  const sum = (names: (name: string) => boolean): number => Object.entries(calls).reduce((s, [n, c]) => (names(n) ? s + c : s), 0);
  return {
    commands: sum(() => true),
    scripts: sum((n) => scriptCommands.has(n)),
    cpuUs: after.cpuUs - before.cpuUs,
    usedMemory: after.usedMemory - before.usedMemory,
    calls,
  };
}

/** A plain client for INFO and clean-up; the caller quits it. */
export function statsClient(url: string): Redis {
  const client = new Redis(url, { connectionName: 'bench-stats', maxRetriesPerRequest: 3 });
  client.on('error', () => undefined);
  return client;
}

/** Deletes every key matching `pattern` (UNLINK in batches); for a Redis the bench did not start. */
export async function deleteKeys(client: Redis, pattern: string): Promise<void> {
  for await (const keys of client.scanStream({ match: pattern, count: 1_000 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await client.unlink(...keys);
  }
}
