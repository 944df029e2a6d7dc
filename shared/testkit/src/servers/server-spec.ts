/** What a connection must see to count the server as ready. */
export interface Handshake {
  /** Written once the TCP connection opens, if set. */
  readonly send?: string;
  /** Matched against everything read so far. */
  readonly expect: RegExp;
}

/** How to reach or start one kind of server, each way the launcher knows. */
export interface ServerSpec {
  readonly name: 'redis' | 'nats';
  readonly scheme: 'redis' | 'nats';
  readonly envVar: string;
  readonly image: string;
  readonly containerPort: number;
  readonly containerReadyLog: RegExp;
  readonly binary: string;
  readonly args: (port: number, dir: string) => readonly string[];
  readonly handshake: Handshake;
}
