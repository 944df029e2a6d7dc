import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of a server, whose link a test can cut and restore. */
export interface TcpProxy {
  /** `host:port` the proxy listens on (the port stays the same across `restore`). */
  readonly address: string;
  /** Destroys every proxied connection and stops accepting new ones: the server is "down". */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * Starts a proxy on a free 127.0.0.1 port that pipes each connection to
 * `targetHost:targetPort`. Lets a reconnect test take a shared server "away" without
 * stopping it.
 */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const makeServer = (): Server =>
    createServer((client) => {
      const upstream = connect({ host: targetHost, port: targetPort });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
  let server: Server | undefined = makeServer();
  const port = await listen(server, 0);
  const stop = async (): Promise<void> => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing !== undefined) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  return {
    address: `127.0.0.1:${port}`,
    cut: stop,
    restore: async () => {
      if (server !== undefined) return;
      server = makeServer();
      await listen(server, port);
    },
    close: stop,
  };
}
