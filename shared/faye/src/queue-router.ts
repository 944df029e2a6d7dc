import { inboxPrefix, isEnvelope, isQueueJoin, joinChannel, type Envelope, type QueueJoin, type Reply } from './bus-protocol.js';
import { channelToSubject, controlPrefix, subjectMatches } from './subject-channel.js';

interface Member extends QueueJoin {
  readonly clientId: string;
}

/** Every Faye channel or pattern whose subscribers get a message on `channel` (faye's `Channel.expand`). */
function expand(channel: string): string[] {
  const segments = channel.split('/').slice(1);
  const patterns = ['/**', channel, `/${[...segments.slice(0, -1), '*'].join('/')}`];
  for (let i = 1; i < segments.length; i++) patterns.push(`/${[...segments.slice(0, i), '**'].join('/')}`);
  return patterns;
}

/**
 * The endpoint's half of queue groups and request/reply, fed by the Faye server's
 * `subscribe`, `unsubscribe` and `publish` events (which fire only for messages the
 * channel guard let through).
 *
 * - A member joins with `{ queue, pattern, inbox }` on `/_baton/join` and counts
 *   once its client also holds the inbox subscription (in either order); it leaves
 *   when its inbox is unsubscribed or its client disconnects or times out.
 * - Each published message goes, per queue group with a member whose pattern
 *   matches, to one such member's inbox, taking turns.
 * - A request (an envelope with `replyTo`) that no plain subscription and no member
 *   would receive is answered at once with `no-responders`.
 */
export class QueueRouter {
  private readonly subscribers = new Map<string, Set<string>>();
  private readonly members = new Map<string, Member>();
  /** Joins whose inbox subscription has not arrived yet (after a re-handshake they can race). */
  private readonly pendingJoins = new Map<string, Member>();
  private readonly turns = new Map<string, number>();

  constructor(private readonly send: (channel: string, data: Envelope | Reply) => void) {}

  onSubscribe(clientId: string, channel: string): void {
    const clients = this.subscribers.get(channel) ?? new Set<string>();
    clients.add(clientId);
    this.subscribers.set(channel, clients);
    const pending = this.pendingJoins.get(channel);
    if (pending?.clientId === clientId) {
      this.pendingJoins.delete(channel);
      this.members.set(channel, pending);
    }
  }

  onUnsubscribe(clientId: string, channel: string): void {
    const clients = this.subscribers.get(channel);
    clients?.delete(clientId);
    if (clients?.size === 0) this.subscribers.delete(channel);
    if (this.members.get(channel)?.clientId === clientId) this.members.delete(channel);
    if (this.pendingJoins.get(channel)?.clientId === clientId) this.pendingJoins.delete(channel);
  }

  /** Faye reports a gone client's unsubscribes too; this sweep makes sure nothing of it is left. */
  onDisconnect(clientId: string): void {
    for (const [channel, clients] of this.subscribers) {
      clients.delete(clientId);
      if (clients.size === 0) this.subscribers.delete(channel);
    }
    for (const joins of [this.members, this.pendingJoins]) {
      for (const [inbox, member] of joins) if (member.clientId === clientId) joins.delete(inbox);
    }
  }

  onPublish(clientId: string | undefined, channel: string, data: unknown): void {
    if (channel === joinChannel) {
      if (clientId !== undefined && isQueueJoin(data)) this.join({ clientId, queue: data.queue, pattern: data.pattern, inbox: data.inbox });
      return;
    }
    if (channel.startsWith(controlPrefix)) return;
    const subject = channelToSubject(channel);
    // The channel, not the publisher's word, says what the subject is.
    const envelope: Envelope = isEnvelope(data) ? { ...data, subject } : { subject, data };
    const chosen = this.chooseMembers(subject);
    for (const member of chosen) this.send(member.inbox, envelope);
    if (envelope.replyTo !== undefined && chosen.length === 0 && !this.hasSubscriber(channel)) {
      this.send(envelope.replyTo, { kind: 'no-responders' });
    }
  }

  /** How many queue-group members are registered (for tests and metrics). */
  get memberCount(): number {
    return this.members.size;
  }

  /** A member counts once its client holds the inbox subscription, whichever arrives first. */
  private join(member: Member): void {
    if (this.subscribers.get(member.inbox)?.has(member.clientId) === true) this.members.set(member.inbox, member);
    else this.pendingJoins.set(member.inbox, member);
  }

  private chooseMembers(subject: string): Member[] {
    const groups = new Map<string, Member[]>();
    for (const member of this.members.values()) {
      if (!subjectMatches(member.pattern, subject)) continue;
      groups.set(member.queue, [...(groups.get(member.queue) ?? []), member]);
    }
    const chosen: Member[] = [];
    for (const [queue, candidates] of groups) {
      const turn = this.turns.get(queue) ?? 0;
      this.turns.set(queue, turn + 1);
      chosen.push(candidates[turn % candidates.length] as Member);
    }
    return chosen;
  }

  private hasSubscriber(channel: string): boolean {
    return expand(channel).some((pattern) => !pattern.startsWith(inboxPrefix) && (this.subscribers.get(pattern)?.size ?? 0) > 0);
  }
}
