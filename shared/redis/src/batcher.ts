/**
 * Coalesces calls of one operation: items added while a run is on its way wait and
 * leave together in the next run, so N concurrent callers cost one call, not N,
 * and a lone caller is not delayed. Each `add` resolves (or rejects) with its run.
 */
export class Batcher<T> {
  private queued: T[] = [];
  private next: Promise<void> | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly run: (items: readonly T[]) => Promise<unknown>) {}

  add(items: readonly T[]): Promise<void> {
    for (const item of items) this.queued.push(item);
    if (this.running === undefined) return this.start();
    // Joins the run that starts once the current one settles.
    this.next ??= this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.next;
  }

  private start(): Promise<void> {
    const items = this.queued;
    this.queued = [];
    this.next = undefined;
    const running = this.run(items).then(() => undefined);
    this.running = running;
    const clear = (): void => {
      if (this.running === running) this.running = undefined;
    };
    running.then(clear, clear);
    return running;
  }
}
