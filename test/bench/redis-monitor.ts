import { Redis } from 'ioredis';

/** Commands one operation sent to Redis, as MONITOR saw them. */
export interface RoundTripRow {
  readonly operation: string;
  /** Top-level commands (each a round trip unless pipelined) before the operation resolved. */
  readonly onPath: number;
  /** Top-level commands sent after it resolved (deferred work, batched). */
  readonly after: number;
  readonly commands: readonly string[];
}

/**
 * Watches Redis with MONITOR while `operation` runs, then `settleMs` longer; splits the
 * top-level commands (not those run inside Lua) into those Redis ran before the
 * operation resolved and those it ran after, by an ECHO sent at each boundary.
 */
export async function watch(url: string, operation: string, run: () => Promise<unknown>, settleMs = 300): Promise<RoundTripRow> {
  const monitor = await new Redis(url).monitor();
  const marker = new Redis(url);
  const seen: string[] = [];
  const markers: string[] = [];
  let onPath = -1;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source.startsWith('lua')) return;
    const command = (args[0] ?? '').toLowerCase();
    // MONITOR lists commands in the order Redis ran them: what ran before the marker
    // (sent once the operation resolved) was on the operation's path.
    if (command === 'echo' && args[1]?.startsWith('rt-marker') === true) {
      markers.push(args[1]);
      if (args[1] === 'rt-marker-end') onPath = seen.length;
      return;
    }
    if (markers.length > 0) seen.push(command);
  });
  await marker.echo('rt-marker-start');
  await until(() => markers.length > 0);
  await run();
  await marker.echo('rt-marker-end');
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  await marker.echo('rt-marker-settled');
  await until(() => markers.length > 2);
  monitor.disconnect();
  marker.disconnect();
  return { operation, onPath, after: seen.length - onPath, commands: seen };
}

async function until(isDone: () => boolean): Promise<void> {
  while (!isDone()) await new Promise((resolve) => setTimeout(resolve, 5));
}

