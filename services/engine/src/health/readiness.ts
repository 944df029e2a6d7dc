/** One part of a node that must work for it to take traffic (issue 12, finding 9). */
export interface ReadinessCheck {
  /** Names the part in the report and the 503 body: `store`, `queue`, `bus`, `deployed`, … */
  readonly name: string;
  /**
   * What is wrong, or `undefined` when this part is ready. Bounded in time and cheap:
   * a probe that needs a server caches its answer (see `watchStore`). A throw counts as
   * not ready, with its message.
   */
  check(): Promise<string | undefined> | string | undefined;
}

/** The state of one check: `UP`, or `DOWN` with the reason. */
export interface CheckState {
  readonly status: 'UP' | 'DOWN';
  readonly reason?: string;
}

/** What `/health/ready` answers: ready only when every check is `UP`. */
export interface ReadinessReport {
  readonly isReady: boolean;
  readonly checks: Readonly<Record<string, CheckState>>;
}

/** The named checks of one node; more can be added while it runs (say, a clock-skew check). */
export interface Readiness {
  add(check: ReadinessCheck): void;
  /** Runs every check at once. */
  report(): Promise<ReadinessReport>;
}

async function run(check: ReadinessCheck): Promise<CheckState> {
  try {
    const reason = await check.check();
    return reason === undefined ? { status: 'UP' } : { status: 'DOWN', reason };
  } catch (error) {
    return { status: 'DOWN', reason: error instanceof Error ? error.message : String(error) };
  }
}

export function createReadiness(checks: readonly ReadinessCheck[] = []): Readiness {
  const all = [...checks];
  return {
    add(check) {
      if (all.some((c) => c.name === check.name)) throw new Error(`A readiness check named "${check.name}" is registered already`);
      all.push(check);
    },
    async report() {
      const states = await Promise.all(all.map(async (check) => [check.name, await run(check)] as const));
      return { isReady: states.every(([, state]) => state.status === 'UP'), checks: Object.fromEntries(states) };
    },
  };
}

/** A check that is `UP` while `isUp()` holds, else `DOWN` with `reason`. */
export function flagCheck(name: string, isUp: () => boolean, reason: string | (() => string)): ReadinessCheck {
  return { name, check: () => (isUp() ? undefined : typeof reason === 'string' ? reason : reason()) };
}
