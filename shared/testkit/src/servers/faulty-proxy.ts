import { connect, createServer, type Socket } from 'node:net';

/** What the proxy does to the traffic; every field off by default. */
export interface NetworkFaults {
  /** Each chunk, in either direction, is forwarded this much later (order kept). */
  readonly latencyMs?: number;
  /** Every this often, one open connection (picked at random) is cut, both ends. */
  readonly dropEveryMs?: number;
}

/** A loopback TCP proxy in front of a server, whose network a test makes slow and lossy. */
export interface FaultyProxy {
  /** The proxy's port on 127.0.0.1. */
  readonly port: number;
  /** Applies `faults` from now on (to open connections too); `{}` heals the network. */
  setFaults(faults: NetworkFaults): void;
  /** Connections cut so far by `dropEveryMs`. */
  dropped(): number;
  /** Stops listening and cuts every connection. */
  close(): Promise<void>;
}

/** Pipes `from` into `to`, each chunk `latencyMs()` late; arrival order is kept since the latency is the same for all. */
function delayedPipe(from: Socket, to: Socket, latencyMs: () => number): void {
  from.on('data', (chunk: Buffer) => {
    const forward = (): void => {
      if (!to.destroyed) to.write(chunk);
    };
    const ms = latencyMs();
    if (ms <= 0) forward();
    else setTimeout(forward, ms);
  });
}

/**
 * Starts a proxy on a free 127.0.0.1 port that forwards each connection to
 * `targetHost:targetPort`, through the faults set by `setFaults` (issue 12: "a slow,
 * lossy network to Redis"). The target never notices the proxy; its clients see
 * latency and connections reset by peer.
 */
export async function startFaultyProxy(targetHost: string, targetPort: number): Promise<FaultyProxy> {
  const pairs = new Set<readonly [Socket, Socket]>();
  let faults: NetworkFaults = {};
  let drops = 0;
  let dropper: ReturnType<typeof setInterval> | undefined;
  const server = createServer((client) => {
    const upstream = connect({ host: targetHost, port: targetPort });
    const pair = [client, upstream] as const;
    pairs.add(pair);
    for (const socket of pair) {
      socket.setNoDelay(true);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      });
    }
    delayedPipe(client, upstream, () => faults.latencyMs ?? 0);
    delayedPipe(upstream, client, () => faults.latencyMs ?? 0);
  });
  const dropOne = (): void => {
    const open = [...pairs];
    const victim = open[Math.floor(Math.random() * open.length)];
    if (victim === undefined) return;
    drops += 1;
    for (const socket of victim) socket.destroy();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : 0,
    setFaults(next) {
      faults = next;
      clearInterval(dropper);
      dropper = next.dropEveryMs === undefined ? undefined : setInterval(dropOne, next.dropEveryMs);
    },
    dropped: () => drops,
    async close() {
      clearInterval(dropper);
      for (const pair of pairs) for (const socket of pair) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
