import { BatonError } from '@baton/errors';
import type { BusHandler, BusMessage, BusSubscription, MessageBus, SubscribeOptions } from '@baton/runtime';
import { ErrorCode, JSONCodec, connect, type ConnectionOptions, type Msg, type NatsConnection, type NatsError } from 'nats';

/** A change in the connection to the NATS server, as nats.js reports it. */
export type NatsConnectionChange = 'disconnected' | 'reconnecting' | 'reconnected';

export interface NatsMessageBusOptions {
  /** `nats://host:port`, or several separated by commas (a cluster). */
  readonly url: string;
  /** Shown by the server (`nats server report connections`); the node id is a good choice. */
  readonly name?: string;
  /** Pause between reconnect attempts; nats.js retries forever. Default 250 ms. */
  readonly reconnectTimeWaitMs?: number;
  /** How long `close()` lets the drain run before it closes outright. Default 5 s. */
  readonly drainTimeoutMs?: number;
  /** A handler that threw, or a message that was not JSON (that message is lost). */
  readonly onError?: (error: unknown) => void;
  /** Connection state changes, for logs and metrics. */
  readonly onConnectionChange?: (change: NatsConnectionChange) => void;
}

const codec = JSONCodec<unknown>();
const defaultReconnectTimeWaitMs = 250;
const defaultDrainTimeoutMs = 5_000;

/**
 * MessageBus on core NATS: subjects and wildcards are NATS's own, queue groups are
 * NATS queue subscriptions, requests are NATS requests on the muxed inbox. Delivery
 * is at most once (core NATS keeps nothing): while the server is away nats.js
 * reconnects forever and re-subscribes on return, but what is published meanwhile is
 * dropped, and requests end in `NO_CAPABLE_NODE` when their timeout passes.
 */
export class NatsMessageBus implements MessageBus {
  private isClosed = false;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly options: NatsMessageBusOptions,
  ) {
    void this.watchStatus();
  }

  /** Connects (retrying only after a first success) and builds the bus. */
  static async connect(options: NatsMessageBusOptions): Promise<NatsMessageBus> {
    const connectionOptions: ConnectionOptions = {
      servers: options.url.split(',').map((server) => server.trim()),
      ...(options.name === undefined ? {} : { name: options.name }),
      maxReconnectAttempts: -1,
      reconnectTimeWait: options.reconnectTimeWaitMs ?? defaultReconnectTimeWaitMs,
      reconnectJitter: 100,
      waitOnFirstConnect: false,
    };
    try {
      return new NatsMessageBus(await connect(connectionOptions), options);
    } catch (error) {
      throw new BatonError(
        'SERVER_UNAVAILABLE',
        `Could not connect to NATS at ${options.url}: ${messageOf(error)}. Start nats-server or fix the --bus URL.`,
        { url: options.url },
        { cause: error },
      );
    }
  }

  async publish(subject: string, data: unknown): Promise<void> {
    this.ensureOpen();
    this.connection.publish(subject, codec.encode(data ?? null));
  }

  async subscribe(pattern: string, handler: BusHandler, options: SubscribeOptions = {}): Promise<BusSubscription> {
    this.ensureOpen();
    const subscription = this.connection.subscribe(pattern, {
      ...(options.queue === undefined ? {} : { queue: options.queue }),
      callback: (error, msg) => {
        if (error === null) this.deliver(handler, msg);
        else this.options.onError?.(error);
      },
    });
    // The server has the interest once the flush returns: a publish after this is seen.
    await this.connection.flush();
    return {
      unsubscribe: async () => {
        if (!subscription.isClosed()) subscription.unsubscribe();
      },
    };
  }

  async request(subject: string, data: unknown, options: { readonly timeoutMs: number }): Promise<unknown> {
    this.ensureOpen();
    try {
      const reply = await this.connection.request(subject, codec.encode(data ?? null), { timeout: options.timeoutMs });
      return codec.decode(reply.data);
    } catch (error) {
      throw requestError(subject, options.timeoutMs, error);
    }
  }

  /** Drains (pending deliveries finish, subscriptions end), bounded by `drainTimeoutMs`. */
  close(): Promise<void> {
    this.isClosed = true;
    this.closing ??= this.drainThenClose();
    return this.closing;
  }

  private async drainThenClose(): Promise<void> {
    if (this.connection.isClosed()) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.drainTimeoutMs ?? defaultDrainTimeoutMs);
    });
    try {
      await Promise.race([this.connection.drain(), bound]);
    } catch {
      // A drain on a connection that is going away: close it below.
    } finally {
      clearTimeout(timer);
    }
    if (!this.connection.isClosed()) await this.connection.close();
  }

  private deliver(handler: BusHandler, msg: Msg): void {
    let message: BusMessage;
    try {
      message = toBusMessage(msg);
    } catch (error) {
      this.options.onError?.(error);
      return;
    }
    try {
      const outcome = handler(message);
      if (outcome instanceof Promise) outcome.catch((error: unknown) => this.options.onError?.(error));
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect') this.options.onConnectionChange?.('disconnected');
      else if (status.type === 'reconnecting') this.options.onConnectionChange?.('reconnecting');
      else if (status.type === 'reconnect') this.options.onConnectionChange?.('reconnected');
    }
  }

  private ensureOpen(): void {
    if (this.isClosed) throw new BatonError('SERVER_UNAVAILABLE', 'This NATS message bus is closed; create a new one.');
  }
}

function toBusMessage(msg: Msg): BusMessage {
  const data = msg.data.length === 0 ? null : codec.decode(msg.data);
  if (msg.reply === undefined || msg.reply === '') return { subject: msg.subject, data };
  let isAnswered = false;
  return {
    subject: msg.subject,
    data,
    respond: (reply: unknown) => {
      if (isAnswered) return;
      isAnswered = true;
      msg.respond(codec.encode(reply ?? null));
    },
  };
}

function requestError(subject: string, timeoutMs: number, error: unknown): BatonError {
  const code = (error as Partial<NatsError>).code;
  if (code === ErrorCode.NoResponders || code === ErrorCode.Timeout) {
    const why = code === ErrorCode.NoResponders ? 'nobody subscribes to it' : `nobody answered within ${timeoutMs} ms`;
    return new BatonError(
      'NO_CAPABLE_NODE',
      `No node answered the request on "${subject}": ${why}. Start a node with that capability.`,
      { subject },
      { cause: error },
    );
  }
  return new BatonError(
    'SERVER_UNAVAILABLE',
    `The request on "${subject}" failed in NATS: ${messageOf(error)}. Check that nats-server is reachable.`,
    { subject },
    { cause: error },
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Connects to NATS and builds a {@link NatsMessageBus}; throws `SERVER_UNAVAILABLE` when it cannot. */
export function createNatsMessageBus(options: NatsMessageBusOptions): Promise<NatsMessageBus> {
  return NatsMessageBus.connect(options);
}
