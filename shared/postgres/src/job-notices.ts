import pg from 'pg';

/** The channel every Baton job queue notifies on; the payload is `<schema>\n<capability>`. */
export const jobsChannel = 'baton_jobs';

const reconnectMs = 1_000;

/**
 * Listens on {@link jobsChannel} with a connection of its own (LISTEN needs one that
 * stays open) and calls `onJob` with the capability of each job another node (or this
 * one) made deliverable in `schema`. Only a wake-up: consumers still poll, so a notice
 * lost while the connection is down delays work, never loses it. Reconnects every
 * second until closed.
 */
export class JobNotices {
  private client: pg.Client | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private isClosed = false;

  constructor(
    private readonly url: string,
    private readonly schema: string,
    private readonly onJob: (capability: string) => void,
  ) {}

  /** Resolves once listening, or once the first attempt failed (a retry is then scheduled). */
  async start(): Promise<void> {
    if (this.isClosed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'baton-notices' });
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = undefined;
      void client.end().catch(() => undefined);
      this.scheduleRetry();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (notice) => {
      const [schema, capability] = (notice.payload ?? '').split('\n');
      if (schema === this.schema && capability !== undefined) this.onJob(capability);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${jobsChannel}`);
    } catch {
      lost();
    }
  }

  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.retry);
    const { client } = this;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private scheduleRetry(): void {
    if (this.isClosed) return;
    this.retry = setTimeout(() => void this.start(), reconnectMs);
    this.retry.unref();
  }
}
