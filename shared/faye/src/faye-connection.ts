import { BatonError } from '@baton/errors';
import { faye, type BayeuxMessage, type FayeClient, type Pass } from './faye-module.js';

/** A Faye client that has handshaken (`ready`) and can be stopped for good (`close`). */
export interface FayeConnection {
  readonly client: FayeClient;
  /** Resolves on the first successful handshake; rejects `UNAUTHENTICATED` or `SERVER_UNAVAILABLE`. */
  readonly ready: Promise<void>;
  /** Resolves on the next successful handshake (the endpoint gave this client a new session). */
  nextHandshake(): Promise<void>;
  close(): Promise<void>;
}

export interface FayeConnectionOptions {
  readonly url: string;
  readonly token?: string;
  readonly retryIntervalMs: number;
  readonly connectTimeoutMs: number;
  /** The endpoint gave this client a new session (after an outage): state it held is gone. */
  readonly onRehandshake: () => void;
  readonly onConnectionChange: (change: 'disconnected' | 'reconnected') => void;
}

const disconnectBoundMs = 2_000;

/**
 * Builds the Faye client: the token goes in `ext.token` of every message, a refused
 * handshake stops the client (Faye would retry it forever), and once closed its
 * scheduler lets no message be sent or retried, so no timer outlives the bus.
 */
export function createFayeClient(options: FayeConnectionOptions): FayeConnection {
  let isStopped = false;
  class StoppableScheduler extends faye.Scheduler {
    override isDeliverable(): boolean {
      return !isStopped && super.isDeliverable();
    }
  }
  const client = new faye.Client(options.url, { retry: options.retryIntervalMs / 1_000, scheduler: StoppableScheduler });
  let handshakes = 0;
  let handshakeWaiters: Array<() => void> = [];
  let settle: { resolve: () => void; reject: (error: BatonError) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const fail = (error: BatonError): void => {
    isStopped = true;
    settle?.reject(error);
  };
  const connectTimer = setTimeout(() => {
    fail(new BatonError('SERVER_UNAVAILABLE', `No handshake with the Faye endpoint ${options.url} within ${options.connectTimeoutMs} ms. Start it or fix the --bus URL.`, { url: options.url }));
  }, options.connectTimeoutMs);
  const onHandshake = (message: BayeuxMessage): void => {
    if (message.successful === true) {
      handshakes += 1;
      clearTimeout(connectTimer);
      for (const wake of handshakeWaiters.splice(0)) wake();
      if (handshakes === 1) settle?.resolve();
      // After Faye's own re-subscriptions, which it queues as this reply is handled.
      else setTimeout(options.onRehandshake, 0);
    } else if (message.error?.startsWith('401:') === true) {
      clearTimeout(connectTimer);
      message.advice = { ...message.advice, reconnect: 'none' };
      fail(new BatonError('UNAUTHENTICATED', `The Faye endpoint ${options.url} refused the handshake: ${message.error}. Pass the endpoint's token.`, { url: options.url }));
    }
  };
  client.addExtension({
    outgoing(message: BayeuxMessage, callback: Pass) {
      if (options.token !== undefined) message.ext = { ...message.ext, token: options.token };
      callback(message);
    },
    incoming(message: BayeuxMessage, callback: Pass) {
      if (message.channel === '/meta/handshake') onHandshake(message);
      callback(message);
    },
  });
  let isDown = false;
  client.on('transport:down', () => {
    if (isDown) return;
    isDown = true;
    options.onConnectionChange('disconnected');
  });
  client.on('transport:up', () => {
    if (!isDown) return;
    isDown = false;
    options.onConnectionChange('reconnected');
  });
  client.connect();
  return {
    client,
    ready,
    nextHandshake: () => new Promise<void>((resolve) => handshakeWaiters.push(resolve)),
    close: () => {
      handshakeWaiters = [];
      return closeClient(client, connectTimer, () => (isStopped = true));
    },
  };
}

async function closeClient(client: FayeClient, connectTimer: ReturnType<typeof setTimeout>, stop: () => void): Promise<void> {
  clearTimeout(connectTimer);
  const disconnecting = client.disconnect();
  if (disconnecting !== undefined) {
    let bound: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.resolve(disconnecting).catch(() => undefined),
      new Promise((resolve) => {
        bound = setTimeout(resolve, disconnectBoundMs);
      }),
    ]);
    clearTimeout(bound);
  }
  stop();
}
