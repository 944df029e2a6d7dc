/**
 * One message as a subscriber sees it. `data` is plain JSON, to be treated as
 * immutable: adapters may copy it, or hand every subscriber the publisher's value
 * (the in-memory bus does; the engine's events are the objects the store keeps).
 */
export interface BusMessage {
  readonly subject: string;
  readonly data: unknown;
  /** Present on a request: answers it (only the first answer counts). */
  respond?(data: unknown): void;
}

export type BusHandler = (message: BusMessage) => void | Promise<void>;

export interface SubscribeOptions {
  /** Members of one queue group share messages: each message goes to one of them. */
  readonly queue?: string;
}

export interface BusSubscription {
  /** Stops delivery to this subscription; idempotent. */
  unsubscribe(): Promise<void>;
}

/**
 * Subjects and messages between nodes: dot-separated subjects
 * (`baton.<cluster>.actions.<capability>`), NATS wildcards in subscriptions
 * (`*` one token, `>` one or more trailing tokens).
 *
 * Contract, for every adapter (checked by `messageBusContract` in @baton/testkit):
 * - **Delivery.** At most once, asynchronously (never inside `publish`); in publish
 *   order per publisher and subscription. Every plain subscription whose pattern
 *   matches gets the message; of each queue group, exactly one member gets it.
 * - **Request/reply.** `request` resolves with the first answer. It throws
 *   `BatonError` `NO_CAPABLE_NODE` when nobody subscribes to the subject, or nobody
 *   answers within `timeoutMs` (timed on the adapter's Clock).
 * - A handler that throws loses that message only; delivery goes on.
 * - `close()` ends every subscription and releases connections; idempotent.
 */
export interface MessageBus {
  /** Resolves when the message is handed to the transport. */
  publish(subject: string, data: unknown): Promise<void>;
  subscribe(pattern: string, handler: BusHandler, options?: SubscribeOptions): Promise<BusSubscription>;
  request(subject: string, data: unknown, options: { readonly timeoutMs: number }): Promise<unknown>;
  close(): Promise<void>;
}
