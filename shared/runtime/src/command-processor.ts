import type { Command, Decision, DecisionLookup, Effect, InstanceState, JobCreated } from '@baton/core';
import { BatonError, isBatonError } from '@baton/errors';
import type { ProcessDefinition } from '@baton/model';
import { KeysNotReady, type KeySource } from './ids.js';
import { diffIndexes } from './index-changes.js';
import type { Clock } from './ports/clock.js';
import type { ProcessStore } from './ports/process-store.js';
import type { EffectEntry, HistoryEvent, IndexChanges, OutboxEntry, VersionedState } from './ports/store-records.js';

/**
 * The core's step function, as the shell calls it; `keys.newInstanceKey` mints child instance
 * keys (call activities), `keys.decisions` lends deployed DMN decisions; see @baton/core's DecideOptions.
 */
export type DecideFn = (
  state: InstanceState | undefined,
  command: Command,
  definition: ProcessDefinition,
  keys?: { readonly newInstanceKey?: () => string; readonly decisions?: DecisionLookup },
) => Decision<HistoryEvent>;

/** One command for one instance. `definitionKey` is needed (only) to create the instance. */
export interface ExecuteRequest {
  readonly instanceId: string;
  readonly command: Command;
  readonly definitionKey?: string;
  /**
   * Creates on the latest version of this process instead of `definitionKey`: the
   * first attempt decides on the version last read (no store read), and its commit
   * checks it is still the latest; a retry after a conflict reads it afresh.
   */
  readonly latestOf?: string;
  /**
   * The instance as the caller read it a moment ago (a worker's job activation):
   * the first attempt decides on it instead of loading. Safe when stale: the commit
   * checks its version (a conflict reloads), and a rejection is confirmed on a fresh
   * load before it is reported.
   */
  readonly known?: VersionedState;
}

/** A committed command: the new state and version, and what it emitted. */
export interface ExecuteResult {
  readonly instanceId: string;
  readonly version: number;
  readonly previous: InstanceState | undefined;
  readonly state: InstanceState;
  readonly events: readonly HistoryEvent[];
  readonly effects: readonly Effect[];
  readonly indexChanges: IndexChanges;
  /** Attempts it took (1 without a version conflict). */
  readonly attempts: number;
}

export interface CommandProcessorOptions {
  readonly store: ProcessStore;
  readonly clock: Clock;
  readonly decide: DecideFn;
  /** Fresh instance keys for the child instances a command starts; without it the core derives them (tests). */
  readonly keys?: KeySource;
  /** The definition a state or a create names (cached by the caller). */
  readonly definitionOf: (definitionKey: string) => Promise<ProcessDefinition>;
  /**
   * The deployed decisions the definition's business rule tasks call (and `extraIds`), read
   * before each decide (issue 16); `missed` collects the ids `decide` asked for in vain.
   */
  readonly decisionsOf?: (definition: ProcessDefinition, extraIds: readonly string[]) => Promise<{ readonly lookup: DecisionLookup; readonly missed: ReadonlySet<string> } | undefined>;
  /** The latest definition key of a process: cached unless `fresh` (see {@link ExecuteRequest.latestOf}). */
  readonly latestKeyOf: (processId: string, fresh: boolean) => Promise<string>;
  /**
   * Runs one outbox entry's effect; throws to leave it in the outbox for the sweep.
   * `fresh`: the entry's own commit just happened on this node (not the sweep).
   */
  readonly dispatch: (entry: EffectEntry, fresh?: FreshCommit) => Promise<void>;
  /**
   * With a history store (issue 15, "Databases combined"): each commit with events also
   * writes a ProjectHistory note in its outbox, and the notes (right after the commit, and
   * those the sweep finds) go here instead of `dispatch`, unacknowledged: the history
   * projector acknowledges them once it copied the history. Must not throw or wait.
   */
  readonly projectHistory?: (notes: readonly OutboxEntry[]) => void;
  /** Runs after a commit and its dispatch (buffered messages, bus events). Must not throw. */
  readonly afterCommit?: (result: ExecuteResult) => Promise<void>;
  /** Told about a dispatch failure left for the sweep or dropped as permanent. */
  readonly onDispatchError?: (error: unknown, entry: OutboxEntry, isPermanent: boolean) => void;
  /** Commit attempts before giving up with VERSION_CONFLICT. Default 10. */
  readonly maxAttempts?: number;
  /** Base of the jittered exponential back-off between conflicting attempts. Default 2 ms. */
  readonly backoffMs?: number;
  /** How long {@link CommandProcessor.recentState} remembers a commit, in clock ms. Default 5 000; 0 turns it off. */
  readonly recentStateTtlMs?: number;
  /** How many instances it remembers at most (the oldest go first). Default 10 000. */
  readonly recentStateLimit?: number;
  /** Uniform in [0, 1): the jitter source (inject for tests). */
  readonly random: () => number;
  /** Waits `ms` of wall time between attempts (not the domain clock: a virtual clock never moves by itself). */
  readonly sleep: (ms: number) => Promise<void>;
}

export interface CommandProcessor {
  /**
   * load → decide → commit (version-checked) → dispatch the outbox → ack.
   * Commands to one instance through this processor take turns from load to
   * commit, so they never conflict with each other; a version conflict (another
   * node's commit) reloads and decides again (bounded, jittered); a rejection
   * throws a BatonError with the rejection's code and changes nothing.
   */
  execute(request: ExecuteRequest): Promise<ExecuteResult>;
  /** Re-dispatches outbox entries committed at least `minAgeMs` ago (default 0); returns how many ran. */
  sweepOutbox(options?: { readonly minAgeMs?: number; readonly limit?: number }): Promise<number>;
  /**
   * The instance as this node's last commit to it left it, if that was recent: a
   * guess to decide on without a load (issue #5, "Speed": a job created by this node
   * is activated here a few ms later). Another node may have committed since, so use
   * it only where a version-checked commit follows (`ExecuteRequest.known`) and
   * confirm on a load anything it says is gone.
   */
  recentState(instanceId: string): VersionedState | undefined;
}

/** What a dispatch right after its commit knows that the sweep does not. */
export interface FreshCommit {
  /** Jobs the commit created (`JobCreated`): never queued before. */
  readonly newJobKeys: ReadonlySet<string>;
}

function freshCommitOf(events: readonly HistoryEvent[]): FreshCommit {
  const newJobKeys = new Set<string>();
  for (const event of events) if (event.type === 'JobCreated') newJobKeys.add((event as unknown as JobCreated).job.jobKey);
  return { newJobKeys };
}

/** One command's committed outcome, before its effects run. */
interface Committed {
  readonly version: number;
  readonly previous: InstanceState | undefined;
  readonly decision: Extract<Decision<HistoryEvent>, { ok: true }>;
  readonly indexChanges: IndexChanges;
  readonly outbox: readonly OutboxEntry[];
}

/** Errors that retrying cannot fix: the effect already happened or can never happen. */
function isPermanent(error: unknown): boolean {
  if (!isBatonError(error)) return false;
  if (error.code === 'DEFINITION_NOT_FOUND' || error.code === 'VERSION_CONFLICT') return false;
  const category = error.category;
  return category === 'not-found' || category === 'conflict' || category === 'invalid-state' || category === 'invalid-argument';
}

/** The instance a decision starts from; `isExact` when just loaded from the store, not guessed. */
interface Read {
  readonly loaded: VersionedState | undefined;
  readonly isExact: boolean;
}

/**
 * The guess a first attempt may decide on without a load (issue #5, "Speed"), or
 * undefined: a create assumes the instance does not exist yet (its commit expects
 * version 0, so an existing one conflicts and the retry loads it and refuses it as
 * STALE_COMMAND); a command with a `known` state decides on it. The commit checks
 * either guess, and a rejection is confirmed on a load.
 */
function guessOf(request: ExecuteRequest): Read | undefined {
  if (request.command.type === 'CreateInstance') return { loaded: undefined, isExact: false };
  return request.known === undefined ? undefined : { loaded: request.known, isExact: false };
}

/** Builds the shell around the pure core: at most one load and one commit per command. */
export function createCommandProcessor(options: CommandProcessorOptions): CommandProcessor {
  const { store, clock, decide } = options;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoffMs = options.backoffMs ?? 2;

  /**
   * Per instance, the turn of the last command queued: a command loads only once
   * the one before it committed (or failed), and gives the turn on right after its
   * commit, before its effects run (they may command the same instance). Serializing
   * within the node removes version conflicts between its own commands (issue #3,
   * "Speed": parallel branches completing at once); the optimistic lock still
   * decides between nodes.
   */
  const turns = new Map<string, Promise<void>>();
  const recentTtlMs = options.recentStateTtlMs ?? 5_000;
  const recentLimit = options.recentStateLimit ?? 10_000;
  /** Last commit per instance, oldest first (Map order); see `recentState`. */
  const recent = new Map<string, { readonly versioned: VersionedState; readonly at: number }>();

  function remember(instanceId: string, versioned: VersionedState): void {
    if (recentTtlMs <= 0) return;
    recent.delete(instanceId);
    if (versioned.state.status !== 'active') return;
    recent.set(instanceId, { versioned, at: clock.now() });
    if (recent.size > recentLimit) recent.delete(recent.keys().next().value as string);
  }

  function recentState(instanceId: string): VersionedState | undefined {
    const entry = recent.get(instanceId);
    if (entry === undefined) return undefined;
    if (clock.now() - entry.at <= recentTtlMs) return entry.versioned;
    recent.delete(instanceId);
    return undefined;
  }

  async function attempt(request: ExecuteRequest, attemptNo: number): Promise<ExecuteResult> {
    const { instanceId } = request;
    const before = turns.get(instanceId);
    let giveTurn = (): void => undefined;
    const turn = new Promise<void>((resolve) => (giveTurn = resolve));
    turns.set(instanceId, turn);
    const endTurn = (): void => {
      giveTurn();
      if (turns.get(instanceId) === turn) turns.delete(instanceId);
    };
    let committed: Committed;
    try {
      if (before !== undefined) await before;
      // A retry reads what a peer committed; so does a command that waited for its turn (the guess is stale).
      const guess = attemptNo === 1 && before === undefined ? guessOf(request) : undefined;
      committed = await decideAndCommit(request, guess, attemptNo > 1);
      remember(instanceId, { version: committed.version, state: committed.decision.state });
    } catch (error) {
      // A conflict or a refusal proves the remembered copy wrong (issue 12, finding 7: a
      // zombie node ran a job again and again on it); the next command loads.
      recent.delete(instanceId);
      throw error;
    } finally {
      endTurn();
    }
    await dispatchAll(committed.outbox, committed.decision.effects.length === 0 ? undefined : freshCommitOf(committed.decision.events));
    const { version, previous, decision, indexChanges } = committed;
    const { state, events, effects } = decision;
    return { instanceId, version, previous, state, events, effects, indexChanges, attempts: attemptNo };
  }

  async function decideAndCommit(request: ExecuteRequest, guess: Read | undefined, isRetry: boolean): Promise<Committed> {
    const { instanceId, command, latestOf } = request;
    const { loaded, isExact } = guess ?? { loaded: await store.load(instanceId), isExact: true };
    const previous = loaded?.state;
    const latestKey = previous === undefined && latestOf !== undefined ? await options.latestKeyOf(latestOf, isRetry) : undefined;
    // A migration decides on its target definition (the core checks the instance may move there).
    const definitionKey = command.type === 'MigrateInstance' ? command.targetDefinitionKey : (previous?.definitionKey ?? latestKey ?? request.definitionKey);
    if (previous === undefined && command.type !== 'CreateInstance') {
      throw new BatonError('INSTANCE_NOT_FOUND', `No process instance "${instanceId}"; check the id or whether it was created.`, { instanceId });
    }
    if (previous !== undefined && command.type === 'CreateInstance') {
      throw new BatonError('STALE_COMMAND', `Process instance "${instanceId}" already exists; it was created before.`, { instanceId });
    }
    if (definitionKey === undefined) {
      throw new BatonError('VALIDATION_FAILED', 'Creating an instance needs a definitionKey.', { instanceId, field: 'definitionKey' });
    }
    const decision = await decideLendingDecisions(previous, command, await options.definitionOf(definitionKey));
    if (!decision.ok && !isExact) return decideAndCommit(request, undefined, isRetry);
    if (!decision.ok) {
      const { code, message, details } = decision.rejection;
      throw new BatonError(code, message, { instanceId, commandType: command.type, ...details });
    }
    const indexChanges = diffIndexes(previous, decision.state);
    const outbox: OutboxEntry[] = decision.effects.map((effect, i) => ({
      outboxId: `${command.commandId}/${i}`,
      instanceId,
      effect,
      committedAt: command.at,
    }));
    if (options.projectHistory !== undefined && decision.events.length > 0) {
      outbox.push({ outboxId: `${command.commandId}/${outbox.length}`, instanceId, effect: { type: 'ProjectHistory' }, committedAt: command.at });
    }
    const version = await store.commit({
      instanceId,
      expectedVersion: loaded?.version ?? 0,
      state: decision.state,
      events: decision.events,
      outbox,
      indexChanges,
      at: command.at,
      commandId: command.commandId,
      ...(latestOf === undefined || latestKey === undefined ? {} : { latestOf: { processId: latestOf, definitionKey: latestKey } }),
    });
    return { version, previous, decision, indexChanges, outbox };
  }

  /**
   * Decides with the deployed decisions the definition names. A decision id given as an
   * expression is known only once the core evaluated it: when `decide` asked for ids it was
   * not lent and the store has some of them, it decides again with those (issue 16).
   */
  async function decideLendingDecisions(previous: InstanceState | undefined, command: Command, definition: ProcessDefinition): Promise<Decision<HistoryEvent>> {
    const lent = await options.decisionsOf?.(definition, []);
    const first = await decideWithKeys(previous, command, definition, lent?.lookup);
    if (lent === undefined || lent.missed.size === 0) return first;
    const more = await options.decisionsOf?.(definition, [...lent.missed]);
    const isAnyFound = more !== undefined && [...lent.missed].some((decisionId) => more.lookup(decisionId) !== undefined);
    return isAnyFound ? decideWithKeys(previous, command, definition, more.lookup) : first;
  }

  /** Decides; when the command starts more child instances than the keys in hand, waits for a block and decides again. */
  async function decideWithKeys(
    previous: InstanceState | undefined,
    command: Command,
    definition: ProcessDefinition,
    decisions: DecisionLookup | undefined,
  ): Promise<Decision<HistoryEvent>> {
    const { keys } = options;
    const lent = decisions === undefined ? {} : { decisions };
    if (keys === undefined) return decide(previous, command, definition, lent);
    for (;;) {
      try {
        return decide(previous, command, definition, { newInstanceKey: keys.take, ...lent });
      } catch (error) {
        if (!(error instanceof KeysNotReady)) throw error;
        await keys.ready();
      }
    }
  }

  async function dispatchAll(all: readonly OutboxEntry[], fresh?: FreshCommit): Promise<number> {
    if (all.length === 0) return 0;
    const notes = all.filter((entry) => entry.effect.type === 'ProjectHistory');
    const entries = notes.length === 0 ? (all as readonly EffectEntry[]) : all.filter((entry): entry is EffectEntry => entry.effect.type !== 'ProjectHistory');
    const done: string[] = [];
    // Notes left by a node that had a history store, on one that has none: nobody will take them.
    if (notes.length > 0 && options.projectHistory === undefined) done.push(...notes.map((note) => note.outboxId));
    else if (notes.length > 0) options.projectHistory?.(notes);
    for (const entry of entries) {
      try {
        await options.dispatch(entry, fresh);
        done.push(entry.outboxId);
      } catch (error) {
        const permanent = isPermanent(error);
        if (permanent) done.push(entry.outboxId);
        options.onDispatchError?.(error, entry, permanent);
      }
    }
    if (done.length > 0) await store.ackOutbox(done);
    return done.length;
  }

  async function execute(request: ExecuteRequest): Promise<ExecuteResult> {
    const result = await executeWithRetry(request);
    if (options.afterCommit !== undefined) await options.afterCommit(result);
    return result;
  }

  async function executeWithRetry(request: ExecuteRequest): Promise<ExecuteResult> {
    for (let attemptNo = 1; ; attemptNo++) {
      try {
        return await attempt(request, attemptNo);
      } catch (error) {
        if (!isBatonError(error) || error.code !== 'VERSION_CONFLICT' || attemptNo >= maxAttempts) throw error;
        // First retry at once; then exponential with full jitter, so racers spread out.
        if (attemptNo > 1) await options.sleep(backoffMs * 2 ** (attemptNo - 2) * (0.5 + options.random()));
      }
    }
  }

  async function sweepOutbox(sweep: { readonly minAgeMs?: number; readonly limit?: number } = {}): Promise<number> {
    const entries = await store.readOutbox({ committedBefore: clock.now() - (sweep.minAgeMs ?? 0), limit: sweep.limit ?? 1000 });
    return dispatchAll(entries);
  }

  return { execute, sweepOutbox, recentState };
}
