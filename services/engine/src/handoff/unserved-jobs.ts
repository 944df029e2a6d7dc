import type { Engine } from '@baton/runtime';

/** Open jobs of one type that no live node can run: they wait until a capable node joins. */
export interface UnservedJobs {
  readonly jobType: string;
  readonly count: number;
}

/** Jobs read at most, so a scrape stays cheap on a large backlog. */
const maxJobsRead = 10_000;
const pageSize = 1_000;

/**
 * Counts the activatable jobs whose type is in none of `capabilitySets` (this node's
 * and each live peer's), from the store's job index.
 */
export async function unservedJobs(engine: Pick<Engine, 'searchJobs'>, capabilitySets: readonly (readonly string[])[]): Promise<UnservedJobs[]> {
  const served = new Set(capabilitySets.flat());
  const counts = new Map<string, number>();
  for (let offset: number | undefined = 0; offset !== undefined && offset < maxJobsRead; ) {
    const page = await engine.searchJobs({ state: 'activatable', offset, limit: pageSize });
    for (const job of page.items) {
      if (!served.has(job.jobType)) counts.set(job.jobType, (counts.get(job.jobType) ?? 0) + 1);
    }
    offset = page.nextOffset;
  }
  return [...counts].map(([jobType, count]) => ({ jobType, count })).sort((a, b) => a.jobType.localeCompare(b.jobType));
}
