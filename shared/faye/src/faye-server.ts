import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { BatonError } from '@baton/errors';
import { createChannelGuard } from './channel-guard.js';
import { faye, type BayeuxMessage, type Pass } from './faye-module.js';
import { QueueRouter } from './queue-router.js';

export interface FayeServerOptions {
  /** 0 picks a free port; `url` tells which. */
  readonly port: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Every client must send it in `ext.token`; an empty token is refused. */
  readonly token: string;
  /** Default `/bayeux`. */
  readonly mount?: string;
  /** How long a long-poll is held, and (×1.6) how long a silent client lives. Default 25 s. */
  readonly timeoutSec?: number;
}

/** A listening Faye endpoint. */
export interface RunningFayeServer {
  /** `http://host:port/mount`, for `createFayeMessageBus` and `--bus faye+<url>`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, drops every connection; idempotent. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * Faye's in-process client, which delivers queue-group copies and no-responder replies.
 * Connected before use: publishes made while it handshakes would go out of order.
 */
async function internalSender(adapter: InstanceType<typeof faye.NodeAdapter>, token: string): Promise<(channel: string, data: unknown) => void> {
  const client = adapter.getClient();
  client.addExtension({
    outgoing(message: BayeuxMessage, callback: Pass) {
      message.ext = { ...message.ext, token };
      callback(message);
    },
  });
  await new Promise<void>((resolve) => client.connect(() => resolve()));
  return (channel, data) => {
    client.publish(channel, data).then(undefined, () => undefined);
  };
}

/**
 * Starts an HTTP server hosting a Faye endpoint for Baton buses: the channel guard
 * (token on every message, canonical channel names, no `/meta` tricks) and the
 * queue-group router. Other paths answer 404.
 */
export async function createFayeServer(options: FayeServerOptions): Promise<RunningFayeServer> {
  if (options.token === '') {
    throw new BatonError('VALIDATION_FAILED', 'The Faye server needs a non-empty token; set one so only Baton nodes can connect.', { field: 'token' });
  }
  const host = options.host ?? '127.0.0.1';
  const mount = options.mount ?? '/bayeux';
  const adapter = new faye.NodeAdapter({ mount, timeout: options.timeoutSec ?? 25 });
  adapter.addExtension(createChannelGuard(options.token));
  const router = new QueueRouter(await internalSender(adapter, options.token));
  adapter.on('subscribe', (clientId, channel) => router.onSubscribe(clientId, channel));
  adapter.on('unsubscribe', (clientId, channel) => router.onUnsubscribe(clientId, channel));
  adapter.on('disconnect', (clientId) => router.onDisconnect(clientId));
  adapter.on('publish', (clientId, channel, data) => router.onPublish(clientId, channel, data));
  const server = createServer((_request, response) => {
    response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: the Faye endpoint is ${mount}\n`);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  adapter.attach(server);
  const port = await listen(server, options.port, host);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${mount}`,
    port,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        adapter.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

export interface RunFayeServerOptions extends Omit<FayeServerOptions, 'token'> {
  /** Default: the `BATON_FAYE_TOKEN` environment variable. */
  readonly token?: string;
  /** One line per event; default stdout. */
  readonly log?: (line: string) => void;
}

/**
 * `baton faye-server`: starts the endpoint, logs where it listens, and closes it on
 * SIGINT or SIGTERM. Resolves with the running server once it listens.
 */
export async function runFayeServer(options: RunFayeServerOptions): Promise<RunningFayeServer> {
  const token = options.token ?? process.env['BATON_FAYE_TOKEN'] ?? '';
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const server = await createFayeServer({ ...options, token });
  log(`Faye endpoint listening on ${server.url}`);
  const stop = (signal: NodeJS.Signals): void => {
    log(`${signal}: closing the Faye endpoint`);
    void server.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
