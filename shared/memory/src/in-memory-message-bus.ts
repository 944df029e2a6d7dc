import { BatonError } from '@baton/errors';
import type { BusHandler, BusMessage, BusSubscription, Clock, MessageBus, SubscribeOptions } from '@baton/runtime';
import { deepFreeze } from './paging.js';
import { subjectMatches } from './subject-pattern.js';

/** Subscriptions a subject reaches: plain ones, and queue groups by name (absent when none). */
interface Matches {
  readonly plain: readonly Subscription[];
  readonly groups?: ReadonlyMap<string, readonly Subscription[]>;
}

const MAX_CACHED_SUBJECTS = 1_000;

interface Subscription {
  readonly pattern: string;
  readonly handler: BusHandler;
  readonly queue?: string;
  isActive: boolean;
}

export interface InMemoryMessageBusOptions {
  /** Times request timeouts. */
  readonly clock: Clock;
  /** Reported handler failures (the message is lost for that handler only). */
  readonly onError?: (error: unknown) => void;
  /** Deep-freezes every published value, so a subscriber or publisher that mutates it fails loudly (tests). */
  readonly freeze?: boolean;
}

/**
 * MessageBus inside one process (one node, a browser, tests). Delivery runs on a
 * microtask after `publish`.
 *
 * No copy on publish: every subscriber gets the published value itself, to treat
 * as immutable (see `BusMessage`), as the in-memory store keeps and returns values
 * by reference. Publishing every commit's events made a JSON copy the engine's
 * biggest cost, and deep-freezing them still cost 5% (issue #3, "Speed"); with
 * `freeze` (tests) the value is deep-frozen, so a mutation anywhere throws.
 * Requests and replies are still copied through JSON, as a network bus would:
 * their parties are other nodes' code, and they are rare.
 */
export class InMemoryMessageBus implements MessageBus {
  private readonly subscriptions = new Set<Subscription>();
  private readonly nextInGroup = new Map<string, number>();
  /** Matching subscriptions by subject, dropped whenever a subscription comes or goes. */
  private readonly matches = new Map<string, Matches>();
  private inboxCounter = 0;
  private isClosed = false;

  constructor(private readonly options: InMemoryMessageBusOptions) {}

  async publish(subject: string, data: unknown): Promise<void> {
    this.ensureOpen();
    const receivers = this.receiversOf(subject);
    if (receivers.length === 0) return;
    const value = this.options.freeze === true ? deepFreeze(data ?? null) : (data ?? null);
    void Promise.resolve().then(() => this.handOut(receivers, () => ({ subject, data: value })));
  }

  async subscribe(pattern: string, handler: BusHandler, options: SubscribeOptions = {}): Promise<BusSubscription> {
    this.ensureOpen();
    const subscription: Subscription = { pattern, handler, ...(options.queue === undefined ? {} : { queue: options.queue }), isActive: true };
    this.subscriptions.add(subscription);
    this.matches.clear();
    return {
      unsubscribe: async () => {
        subscription.isActive = false;
        this.subscriptions.delete(subscription);
        this.matches.clear();
      },
    };
  }

  request(subject: string, data: unknown, options: { readonly timeoutMs: number }): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let isAnswered = false;
      const timeout = this.options.clock.schedule(this.options.clock.now() + options.timeoutMs, () => {
        if (isAnswered) return;
        isAnswered = true;
        reject(noCapableNode(subject, `nobody answered within ${options.timeoutMs} ms`));
      });
      const respond = (reply: unknown): void => {
        if (isAnswered) return;
        isAnswered = true;
        timeout.cancel();
        resolve(copy(reply));
      };
      const receivers = this.deliver(subject, data, respond);
      if (receivers === 0 && !isAnswered) {
        isAnswered = true;
        timeout.cancel();
        reject(noCapableNode(subject, 'nobody subscribes to it'));
      }
    });
  }

  async close(): Promise<void> {
    this.isClosed = true;
    for (const s of this.subscriptions) s.isActive = false;
    this.subscriptions.clear();
    this.matches.clear();
  }

  /** Picks the receivers of a request now, delivers a JSON copy to each on a microtask; returns how many receive it. */
  private deliver(subject: string, data: unknown, respond: (reply: unknown) => void): number {
    this.ensureOpen();
    const receivers = this.receiversOf(subject);
    if (receivers.length === 0) return 0;
    const json = JSON.stringify(data ?? null);
    void Promise.resolve().then(() => this.handOut(receivers, () => ({ subject, data: JSON.parse(json), respond })));
    return receivers.length;
  }

  private async handOut(receivers: readonly Subscription[], messageFor: () => BusMessage): Promise<void> {
    for (const receiver of receivers) {
      if (!receiver.isActive) continue;
      try {
        await receiver.handler(messageFor());
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  /** Every matching plain subscription, and one member of each matching queue group (round robin). */
  private receiversOf(subject: string): readonly Subscription[] {
    const { plain, groups } = this.matchesOf(subject);
    if (groups === undefined) return plain;
    const receivers = [...plain];
    for (const [queue, members] of groups) {
      const turn = this.nextInGroup.get(queue) ?? 0;
      this.nextInGroup.set(queue, turn + 1);
      receivers.push(members[turn % members.length] as Subscription);
    }
    return receivers;
  }

  private matchesOf(subject: string): Matches {
    const cached = this.matches.get(subject);
    if (cached !== undefined) return cached;
    const plain: Subscription[] = [];
    let groups: Map<string, Subscription[]> | undefined;
    for (const s of this.subscriptions) {
      if (!subjectMatches(s.pattern, subject)) continue;
      if (s.queue === undefined) plain.push(s);
      else {
        groups ??= new Map();
        const members = groups.get(s.queue);
        if (members === undefined) groups.set(s.queue, [s]);
        else members.push(s);
      }
    }
    const matches: Matches = groups === undefined ? { plain } : { plain, groups };
    // Subjects may carry ids (one per request, say): a bounded cache, not a leak.
    if (this.matches.size >= MAX_CACHED_SUBJECTS) this.matches.clear();
    this.matches.set(subject, matches);
    return matches;
  }

  private ensureOpen(): void {
    if (this.isClosed) throw new BatonError('SERVER_UNAVAILABLE', 'The in-memory message bus is closed; create a new one.');
  }
}

function copy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function noCapableNode(subject: string, why: string): BatonError {
  return new BatonError('NO_CAPABLE_NODE', `No node answered the request on "${subject}": ${why}. Start a node with that capability.`, {
    subject,
  });
}

/** Builds an {@link InMemoryMessageBus}. */
export function createInMemoryMessageBus(options: InMemoryMessageBusOptions): InMemoryMessageBus {
  return new InMemoryMessageBus(options);
}
