import { isBatonError } from '@baton/errors';
import type { CommitRequest, ProcessStore } from '@baton/runtime';

/**
 * Which commit to hold at the gate: every field given must match.
 * `node` is the label a store was gated with (one gated store per engine node).
 */
export interface CommitMatch {
  readonly node?: string;
  readonly instanceId?: string;
  /** The commit carries at least one event of this type. */
  readonly eventType?: string;
  readonly where?: (request: CommitRequest) => boolean;
}

/** `conflict` is the store's VERSION_CONFLICT; `failed` any other throw. */
export type CommitOutcome = 'committed' | 'conflict' | 'failed';

/** One commit attempt that went through a gated store, in the order the store answered. */
export interface CommitRecord {
  readonly node: string;
  readonly instanceId: string;
  readonly commandId: string;
  readonly expectedVersion: number;
  readonly eventTypes: readonly string[];
  /** It waited at the gate before reaching the store. */
  readonly wasHeld: boolean;
  readonly outcome: CommitOutcome;
  /** The version written, when committed. */
  readonly version?: number;
}

/** A commit waiting at the gate: decided, not yet sent to the store. */
export interface HeldCommit {
  readonly node: string;
  readonly request: CommitRequest;
}

/** How an operation ended, as a value (never thrown). */
export type Settled<T> = { readonly status: 'fulfilled'; readonly value: T } | { readonly status: 'rejected'; readonly reason: unknown };

/** A pause armed by {@link RaceController.pauseNextCommit}. */
export interface CommitPause {
  /** Resolves when a matching commit reaches the gate and stops there. */
  readonly paused: Promise<HeldCommit>;
  /** Lets the held commit go on to the store (no-op when already released). */
  release(): void;
  /** Disarms a pause no commit reached yet. */
  cancel(): void;
}

/** An operation stopped right before its commit by {@link RaceController.holdAtCommit}. */
export interface HeldOperation<T> {
  readonly commit: HeldCommit;
  /** Releases the commit and resolves when the whole operation settled (its retries included). */
  release(): Promise<Settled<T>>;
}

/**
 * Drives competing commands deterministically (the controlled-concurrency tests
 * the jBPM 3 notes asked for). Each engine node gets its own gated view of one
 * shared store; a pause stops the next matching commit after `decide` and before
 * the store's version check, until released.
 */
export interface RaceController {
  /** `store` with a gate on `commit`; every other method goes straight to `store`. */
  gate(store: ProcessStore, node: string): ProcessStore;
  /** Arms a one-shot pause for the next commit matching `match`. */
  pauseNextCommit(match: CommitMatch): CommitPause;
  /** The oldest armed pause that is not released yet, once its commit is held. */
  waitUntilPaused(): Promise<HeldCommit>;
  /** Releases the oldest held commit; throws when none is held. */
  release(): void;
  /**
   * Starts `operation` with a pause armed for `match` and resolves once its commit
   * is held. Rejects (and disarms) when the operation settles without reaching
   * such a commit, so a test never hangs on a pause that cannot come.
   */
  holdAtCommit<T>(match: CommitMatch, operation: () => Promise<T>): Promise<HeldOperation<T>>;
  /** Every commit attempt through a gated store, in answer order. */
  readonly commits: readonly CommitRecord[];
  /** Releases and disarms everything (for afterEach). */
  releaseAll(): void;
}

interface Pause {
  readonly match: CommitMatch;
  state: 'armed' | 'held' | 'released' | 'cancelled';
  readonly reached: Deferred<HeldCommit>;
  readonly gate: Deferred<void>;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function matches(match: CommitMatch, node: string, request: CommitRequest): boolean {
  if (match.node !== undefined && match.node !== node) return false;
  if (match.instanceId !== undefined && match.instanceId !== request.instanceId) return false;
  if (match.eventType !== undefined && !request.events.some((e) => e.type === match.eventType)) return false;
  return match.where === undefined || match.where(request);
}

function describeMatch(match: CommitMatch): string {
  const parts = [`node=${match.node ?? '*'}`, `instanceId=${match.instanceId ?? '*'}`, `eventType=${match.eventType ?? '*'}`];
  return `{ ${parts.join(', ')}${match.where === undefined ? '' : ', where=…'} }`;
}

/** Settles `promise` into a value, so a held operation's rejection is never unhandled. */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }) as const,
    (reason: unknown) => ({ status: 'rejected', reason }) as const,
  );
}

/** Builds a {@link RaceController}. Test-only: production code never sees the gate. */
export function createRaceController(): RaceController {
  const pauses: Pause[] = [];
  const commits: CommitRecord[] = [];

  async function gatedCommit(store: ProcessStore, node: string, request: CommitRequest): Promise<number> {
    const pause = pauses.find((p) => p.state === 'armed' && matches(p.match, node, request));
    if (pause !== undefined) {
      pause.state = 'held';
      pause.reached.resolve({ node, request });
      await pause.gate.promise;
    }
    const base = {
      node,
      instanceId: request.instanceId,
      commandId: request.commandId,
      expectedVersion: request.expectedVersion,
      eventTypes: request.events.map((e) => e.type),
      wasHeld: pause !== undefined,
    };
    try {
      const version = await store.commit(request);
      commits.push({ ...base, outcome: 'committed', version });
      return version;
    } catch (error) {
      const outcome = isBatonError(error) && error.code === 'VERSION_CONFLICT' ? 'conflict' : 'failed';
      commits.push({ ...base, outcome });
      throw error;
    }
  }

  function gate(store: ProcessStore, node: string): ProcessStore {
    const commit = (request: CommitRequest): Promise<number> => gatedCommit(store, node, request);
    return new Proxy(store, {
      get(target, property) {
        if (property === 'commit') return commit;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  function pauseNextCommit(match: CommitMatch): CommitPause {
    const pause: Pause = { match, state: 'armed', reached: deferred(), gate: deferred() };
    pauses.push(pause);
    return {
      paused: pause.reached.promise,
      release: () => {
        if (pause.state !== 'held') return;
        pause.state = 'released';
        pause.gate.resolve();
      },
      cancel: () => {
        if (pause.state === 'armed') pause.state = 'cancelled';
      },
    };
  }

  function waitUntilPaused(): Promise<HeldCommit> {
    const pause = pauses.find((p) => p.state === 'armed' || p.state === 'held');
    if (pause === undefined) return Promise.reject(new Error('No pause is armed; call pauseNextCommit first.'));
    return pause.reached.promise;
  }

  function release(): void {
    const pause = pauses.find((p) => p.state === 'held');
    if (pause === undefined) throw new Error('No commit is held at the gate; wait until one is paused.');
    pause.state = 'released';
    pause.gate.resolve();
  }

  async function holdAtCommit<T>(match: CommitMatch, operation: () => Promise<T>): Promise<HeldOperation<T>> {
    const pause = pauseNextCommit(match);
    const outcome = settle(operation());
    const first = await Promise.race([pause.paused.then((commit) => ({ commit })), outcome.then((settled) => ({ settled }))]);
    if ('settled' in first) {
      pause.cancel();
      const how = first.settled.status === 'fulfilled' ? 'resolved' : `rejected (${String(first.settled.reason)})`;
      throw new Error(`The operation ${how} without reaching a commit matching ${describeMatch(match)}.`);
    }
    return {
      commit: first.commit,
      release: () => {
        pause.release();
        return outcome;
      },
    };
  }

  function releaseAll(): void {
    for (const pause of pauses) {
      if (pause.state === 'armed') pause.state = 'cancelled';
      if (pause.state === 'held') {
        pause.state = 'released';
        pause.gate.resolve();
      }
    }
  }

  return { gate, pauseNextCommit, waitUntilPaused, release, holdAtCommit, commits, releaseAll };
}
