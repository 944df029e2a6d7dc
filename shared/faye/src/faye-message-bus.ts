import { randomBytes } from 'node:crypto';
import { BatonError } from '@baton/errors';
import { systemClock } from '@baton/runtime';
import type { BusHandler, BusMessage, BusSubscription, Clock, MessageBus, SubscribeOptions } from '@baton/runtime';
import { inboxPrefix, isEnvelope, isReply, joinChannel, replyPrefix, type Envelope, type QueueJoin, type Reply } from './bus-protocol.js';
import { createFayeClient, type FayeConnection } from './faye-connection.js';
import { channelToSubject, controlPrefix, patternToChannel, subjectMatches, subjectToChannel } from './subject-channel.js';

/** A change in the link to the Faye endpoint. */
export type FayeConnectionChange = 'disconnected' | 'reconnected';

export interface FayeMessageBusOptions {
  /** The endpoint, e.g. `http://127.0.0.1:8000/bayeux`. */
  readonly url: string;
  /** Sent in `ext.token` of every message; the Baton Faye server refuses clients without it. */
  readonly token?: string;
  /** Times request timeouts. Default: the system clock. */
  readonly clock?: Clock;
  /** Pause between reconnect attempts. Default 1 s. */
  readonly retryIntervalMs?: number;
  /** How long the first handshake may take before `createFayeMessageBus` gives up. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** A handler that threw, or a publish the endpoint refused (that message is lost). */
  readonly onError?: (error: unknown) => void;
  readonly onConnectionChange?: (change: FayeConnectionChange) => void;
}

type ReplyWaiter = (reply: Reply) => void;

const maxSubscribeAttempts = 3;

/**
 * MessageBus over Faye (Bayeux). Subjects map to channels (`a.b.c` ↔ `/a/b/c`), and
 * every message travels as an envelope `{ subject, data, replyTo? }`. Plain
 * subscriptions are Faye subscriptions; queue groups and "nobody subscribes" answers
 * need the Baton Faye server (`createFayeServer`), which routes each queue-group
 * message to one member's inbox. At most once: Faye keeps nothing for a client that
 * is away. Faye re-handshakes and re-subscribes on its own after an outage; the bus
 * then joins its queue groups again.
 */
export class FayeMessageBus implements MessageBus {
  private readonly busId = randomBytes(8).toString('hex');
  private readonly clock: Clock;
  private readonly connection: FayeConnection;
  private readonly replyWaiters = new Map<string, ReplyWaiter>();
  private readonly queueJoins = new Map<string, QueueJoin>();
  private replyInbox: Promise<unknown> | undefined;
  private counter = 0;
  private isClosed = false;
  private closing: Promise<void> | undefined;

  private constructor(private readonly options: FayeMessageBusOptions) {
    this.clock = options.clock ?? systemClock();
    this.connection = createFayeClient({
      url: options.url,
      ...(options.token === undefined ? {} : { token: options.token }),
      retryIntervalMs: options.retryIntervalMs ?? 1_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      onRehandshake: () => this.rejoin(),
      onConnectionChange: (change) => options.onConnectionChange?.(change),
    });
  }

  /** Handshakes with the endpoint; throws `UNAUTHENTICATED` or `SERVER_UNAVAILABLE`. */
  static async connect(options: FayeMessageBusOptions): Promise<FayeMessageBus> {
    const bus = new FayeMessageBus(options);
    await bus.connection.ready;
    return bus;
  }

  async publish(subject: string, data: unknown): Promise<void> {
    this.ensureOpen();
    this.send(subjectToChannel(subject), { subject, data: data ?? null });
  }

  async subscribe(pattern: string, handler: BusHandler, options: SubscribeOptions = {}): Promise<BusSubscription> {
    this.ensureOpen();
    const { channel, isExact } = patternToChannel(pattern);
    if (options.queue !== undefined) return this.subscribeInQueue(pattern, options.queue, handler);
    let isActive = true;
    const subscription = await this.subscribeChannel(channel, `subscribe to "${pattern}"`, (messageChannel, data) => {
      if (!isActive || messageChannel.startsWith(controlPrefix)) return;
      const subject = channelToSubject(messageChannel);
      if (isExact || subjectMatches(pattern, subject)) this.deliver(handler, subject, data);
    });
    return {
      unsubscribe: async () => {
        isActive = false;
        subscription.cancel();
      },
    };
  }

  async request(subject: string, data: unknown, options: { readonly timeoutMs: number }): Promise<unknown> {
    this.ensureOpen();
    const channel = subjectToChannel(subject);
    const replyTo = `${replyPrefix}${this.busId}/${++this.counter}`;
    await this.ensureReplyInbox();
    return new Promise((resolve, reject) => {
      const timeout = this.clock.schedule(this.clock.now() + options.timeoutMs, () => {
        this.replyWaiters.delete(replyTo);
        reject(noCapableNode(subject, `nobody answered within ${options.timeoutMs} ms`));
      });
      this.replyWaiters.set(replyTo, (reply) => {
        this.replyWaiters.delete(replyTo);
        timeout.cancel();
        if (reply.kind === 'answer') resolve(reply.data);
        else reject(noCapableNode(subject, 'nobody subscribes to it'));
      });
      this.send(channel, { subject, data: data ?? null, replyTo });
    });
  }

  /** Disconnects from the endpoint; pending requests end in their timeout. Idempotent. */
  close(): Promise<void> {
    this.isClosed = true;
    this.closing ??= this.connection.close();
    return this.closing;
  }

  private async subscribeInQueue(pattern: string, queue: string, handler: BusHandler): Promise<BusSubscription> {
    const inbox = `${inboxPrefix}${this.busId}/${++this.counter}`;
    let isActive = true;
    const subscription = await this.subscribeChannel(inbox, `subscribe to "${pattern}" in queue group "${queue}"`, (_channel, data) => {
      if (isActive && isEnvelope(data) && subjectMatches(pattern, data.subject)) this.deliver(handler, data.subject, data);
    });
    const join: QueueJoin = { queue, pattern, inbox };
    this.queueJoins.set(inbox, join);
    const rehandshake = this.connection.nextHandshake();
    try {
      // The endpoint registers the member before it acknowledges the join.
      await this.connection.client.publish(joinChannel, join);
    } catch (error) {
      if (!isUnknownClient(error)) throw fayeFailure(`join queue group "${queue}"`, error);
      // The endpoint restarted under us: the re-handshake joins again (see rejoin).
      await rehandshake;
    }
    return {
      unsubscribe: async () => {
        isActive = false;
        this.queueJoins.delete(inbox);
        // The endpoint drops the member when its inbox is unsubscribed.
        subscription.cancel();
      },
    };
  }

  /** After the endpoint lost this client (restart, timeout), its queue memberships are gone too. */
  private rejoin(): void {
    for (const join of this.queueJoins.values()) {
      this.connection.client.publish(joinChannel, join).then(undefined, (error: unknown) => this.options.onError?.(fayeFailure('rejoin a queue group', error)));
    }
  }

  private ensureReplyInbox(): Promise<unknown> {
    this.replyInbox ??= this.subscribeChannel(`${replyPrefix}${this.busId}/*`, 'subscribe to its reply inbox', (channel, data) => {
      if (isReply(data)) this.replyWaiters.get(channel)?.(data);
    }).catch((error: unknown) => {
      this.replyInbox = undefined;
      throw error;
    });
    return this.replyInbox;
  }

  /**
   * Subscribes and waits for the endpoint's acknowledgement. A subscribe that raced an
   * endpoint restart is refused as "Unknown client" and forgotten by Faye, so it is
   * sent again once Faye has a new session.
   */
  private async subscribeChannel(channel: string, what: string, listener: (channel: string, data: unknown) => void): Promise<{ cancel(): void }> {
    for (let attempt = 1; ; attempt += 1) {
      const rehandshake = this.connection.nextHandshake();
      const subscription = this.connection.client.subscribe(channel).withChannel(listener);
      try {
        await subscription;
        // Not the subscription itself: it is thenable, so a promise would unwrap it.
        return { cancel: () => subscription.cancel() };
      } catch (error) {
        if (!isUnknownClient(error) || attempt >= maxSubscribeAttempts) throw fayeFailure(what, error);
        await rehandshake;
      }
    }
  }

  private deliver(handler: BusHandler, subject: string, payload: unknown): void {
    const envelope: Envelope = isEnvelope(payload) ? payload : { subject, data: payload };
    const message: BusMessage =
      envelope.replyTo === undefined ? { subject, data: envelope.data } : { subject, data: envelope.data, respond: this.responder(envelope.replyTo) };
    try {
      const outcome = handler(message);
      if (outcome instanceof Promise) outcome.catch((error: unknown) => this.options.onError?.(error));
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private responder(replyTo: string): (data: unknown) => void {
    let isAnswered = false;
    return (data) => {
      if (isAnswered || this.isClosed) return;
      isAnswered = true;
      const reply: Reply = { kind: 'answer', data: data ?? null };
      this.connection.client.publish(replyTo, reply).then(undefined, (error: unknown) => this.options.onError?.(fayeFailure('answer a request', error)));
    };
  }

  /** Hands the envelope to the client, which sends in order; a refusal goes to `onError`. */
  private send(channel: string, envelope: Envelope): void {
    this.connection.client.publish(channel, envelope).then(undefined, (error: unknown) => {
      this.options.onError?.(fayeFailure(`publish on "${envelope.subject}"`, error));
    });
  }

  private ensureOpen(): void {
    if (this.isClosed) throw new BatonError('SERVER_UNAVAILABLE', 'This Faye message bus is closed; create a new one.');
  }
}

function noCapableNode(subject: string, why: string): BatonError {
  return new BatonError('NO_CAPABLE_NODE', `No node answered the request on "${subject}": ${why}. Start a node with that capability.`, {
    subject,
  });
}

/** Faye rejects with `{ code, message }`, not an Error. */
function fayeErrorOf(error: unknown): { code?: unknown; message?: unknown } {
  return typeof error === 'object' && error !== null ? error : {};
}

/** The endpoint does not know the session: it restarted, or dropped this client as silent. */
function isUnknownClient(error: unknown): boolean {
  const { code, message } = fayeErrorOf(error);
  return code === 401 && message === 'Unknown client';
}

function fayeFailure(what: string, error: unknown): BatonError {
  const { message } = fayeErrorOf(error);
  const text = typeof message === 'string' ? message : String(error);
  // The channel guard's refusal; Faye's own 401 is "Unknown client".
  if (text === 'Unauthorized') return new BatonError('UNAUTHENTICATED', `The Faye endpoint refused to ${what}: ${text}. Check the token.`, {}, { cause: error });
  return new BatonError('SERVER_UNAVAILABLE', `The Faye endpoint refused to ${what}: ${text}.`, {}, { cause: error });
}

/** Connects to a Faye endpoint and builds a {@link FayeMessageBus}. */
export function createFayeMessageBus(options: FayeMessageBusOptions): Promise<FayeMessageBus> {
  return FayeMessageBus.connect(options);
}
