import type { InstanceEvent } from '@baton/core';
import type { Engine, HistoryEntry, PublishMessageResult, VersionedState } from '@baton/runtime';
import { settle, type Settled } from '@baton/testkit';
import { describe, expect, it } from 'vitest';
import { expectHistoryFoldsToState, expectIndexesMatchState, readAllHistory } from './invariants.js';
import { twoNodes, type BackendFactory, type TwoNodes } from './two-nodes.js';

/** The instance a race is about, and whatever keys its contenders need. */
export interface RaceSubject {
  readonly instanceId: string;
}

/** One of the two competing operations. The first contender runs on node `a`, the second on node `b`. */
export interface Contender<S extends RaceSubject> {
  readonly name: string;
  run(engine: Engine, subject: S): Promise<unknown>;
}

/** What a race ended in, for the spec's own assertions. */
export interface RaceOutcome<S extends RaceSubject> {
  /** The contender that committed first (it ran while the other waited at its commit). */
  readonly winner: string;
  readonly loser: string;
  /** The winner's result (a winner never fails). */
  readonly won: unknown;
  /** The loser's result or refusal, after its commit was released. */
  readonly lost: Settled<unknown>;
  /** The loser committed after all, on a retry after its version conflict. */
  readonly loserRetried: boolean;
  readonly subject: S;
  /** The contested instance as stored after the race, and its history. */
  readonly final: VersionedState;
  readonly history: readonly HistoryEntry<InstanceEvent>[];
  readonly nodes: TwoNodes;
}

export interface RaceSpec<S extends RaceSubject> {
  readonly title: string;
  /** BPMN files of test/concurrency/fixtures to deploy. */
  readonly resources: readonly string[];
  /** Brings an instance to the point where both contenders apply. */
  prepare(nodes: TwoNodes): Promise<S>;
  readonly contenders: readonly [Contender<S>, Contender<S>];
  /** The instance both contenders commit to (held and judged there); default `subject.instanceId`. */
  contested?(subject: S): string;
  /** The race-specific checks: who may win, what the loser gets, where the instance stands. */
  expectOutcome(outcome: RaceOutcome<S>): Promise<void> | void;
}

/**
 * Two tests per race, one per order: each contender in turn is held at its commit
 * (after decide, before the version check) while the other runs to the end; then it
 * is released. Both orders check the common invariants — exactly one of the two
 * commits from the contested version wins and the other gets VERSION_CONFLICT, the
 * history folds to the stored state with no event twice, the indexes match the
 * state, the outbox is empty, no node reported an error — and then the spec's own outcome.
 */
export function describeRace<S extends RaceSubject>(spec: RaceSpec<S>, backend: BackendFactory): void {
  describe(spec.title, () => {
    for (const heldIndex of [1, 0] as const) {
      const held = spec.contenders[heldIndex];
      const free = spec.contenders[1 - heldIndex] as Contender<S>;
      it(`${free.name} commits first while ${held.name} waits at its commit`, () => runRace(spec, backend, heldIndex));
    }
  });
}

/** Runs one order of a race on fresh nodes: contender `heldIndex` waits at its commit while the other runs. */
export async function runRace<S extends RaceSubject>(spec: RaceSpec<S>, backend: BackendFactory, heldIndex: 0 | 1): Promise<void> {
  const nodes = await twoNodes(backend, spec.resources);
  try {
    await runOrder(spec, nodes, heldIndex);
  } finally {
    await nodes.close();
  }
}

async function runOrder<S extends RaceSubject>(spec: RaceSpec<S>, nodes: TwoNodes, heldIndex: 0 | 1): Promise<void> {
  const subject = await spec.prepare(nodes);
  const instanceId = spec.contested?.(subject) ?? subject.instanceId;
  const [heldNode, freeNode] = heldIndex === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
  const held = spec.contenders[heldIndex];
  const free = spec.contenders[1 - heldIndex] as Contender<S>;
  const before = nodes.race.commits.length;

  // when the held contender has decided and waits at its commit while the other runs to the end
  const holding = await nodes.race.holdAtCommit({ node: heldNode, instanceId }, () => held.run(nodes[heldNode], subject));
  const won = await settle(free.run(nodes[freeNode], subject));
  if (won.status === 'rejected') throw won.reason;
  const lost = await holding.release();

  // then exactly one of the two commits from the contested version won
  const commits = nodes.race.commits.slice(before).filter((c) => c.instanceId === instanceId);
  const contestedVersion = holding.commit.request.expectedVersion;
  const contested = commits.filter((c) => c.expectedVersion === contestedVersion);
  expect(contested.map((c) => [c.node, c.outcome])).toEqual([
    [freeNode, 'committed'],
    [heldNode, 'conflict'],
  ]);
  const loserRetried = commits.some((c) => c.node === heldNode && c.outcome === 'committed' && c.expectedVersion > contestedVersion);
  // and every instance of the call tree is whole: history once, indexes in step
  for (const member of await nodes.a.instancesOfTree(subject.instanceId)) {
    const stored = await loadOrFail(nodes, member.instanceId);
    expectHistoryFoldsToState(await readAllHistory(nodes.store, member.instanceId), stored);
    await expectIndexesMatchState(nodes.store, stored.state);
  }
  // and every committed effect ran: nothing waits in the outbox for a sweep
  expect(await nodes.store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 100 })).toEqual([]);
  const final = await loadOrFail(nodes, instanceId);
  const history = await readAllHistory(nodes.store, instanceId);
  await spec.expectOutcome({ winner: free.name, loser: held.name, won: won.value, lost, loserRetried, subject, final, history, nodes });
  expect(nodes.errors).toEqual([]);
}

async function loadOrFail(nodes: TwoNodes, instanceId: string): Promise<VersionedState> {
  const stored = await nodes.store.load(instanceId);
  if (stored === undefined) throw new Error(`instance ${instanceId} vanished`);
  return stored;
}

/** The loser was refused with `code` and changed nothing (its commit never happened). */
export function expectRefused(outcome: RaceOutcome<RaceSubject>, code: string): void {
  expect(outcome.lost).toMatchObject({ status: 'rejected', reason: { code } });
  expect(outcome.loserRetried).toBe(false);
}

/** The loser reloaded after its conflict, decided again, and committed. */
export function expectAppliedOnRetry(outcome: RaceOutcome<RaceSubject>): void {
  expect(outcome.lost.status, `loser ${outcome.loser} should apply on retry: ${describeSettled(outcome.lost)}`).toBe('fulfilled');
  expect(outcome.loserRetried).toBe(true);
}

function describeSettled(settled: Settled<unknown>): string {
  return settled.status === 'fulfilled' ? 'fulfilled' : String(settled.reason);
}

/** How many events of `type` about `elementId` the history holds. */
export function countEvents(history: readonly HistoryEntry<InstanceEvent>[], type: InstanceEvent['type'], elementId?: string): number {
  return history.filter((e) => e.event.type === type && (elementId === undefined || ('elementId' in e.event && e.event.elementId === elementId))).length;
}

/** The losing publish found no open subscription on its retry and, without a TTL, dropped the message. */
export function expectMessageNotCorrelated(outcome: RaceOutcome<RaceSubject>): void {
  expect(outcome.lost.status).toBe('fulfilled');
  const result = (outcome.lost as { readonly value: PublishMessageResult }).value;
  expect(result.correlatedInstanceId).toBeUndefined();
  expect(result).toMatchObject({ startedInstanceIds: [], isBuffered: false });
  expect(outcome.loserRetried).toBe(false);
}
