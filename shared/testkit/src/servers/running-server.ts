/** Where a {@link RunningServer} came from, in the order they are tried. */
export type ServerSource = 'env' | 'testcontainers' | 'binary';

/**
 * A real server an integration test talks to.
 *
 * `url` is ready to hand to a driver (`redis://host:port`, `nats://host:port`) and
 * accepts connections when the start function resolves. `stop()` is idempotent: it
 * ends what the testkit started (a container or a child process plus its temp dir)
 * and does nothing for a server given by an env URL, which someone else owns.
 */
export interface RunningServer {
  readonly url: string;
  readonly source: ServerSource;
  stop(): Promise<void>;
}
