import type { InstanceView } from '../engine-api.js';
import type { RunningNode } from '../start-node.js';
import { waitFor } from '../wait-for.js';

/** Waits (on engine change notifications, not a timer) until the instance satisfies `done`; throws with its view when it never does. */
export async function untilInstance(node: RunningNode, key: string, done: (view: InstanceView) => boolean, timeoutMs = 20_000): Promise<InstanceView> {
  const probe = async (): Promise<InstanceView | undefined> => {
    const view = await node.engine.getInstance(key);
    return done(view) ? view : undefined;
  };
  const view = await waitFor(probe, { timeoutMs, onChange: (listener) => node.engine.onChange(listener) });
  if (view === undefined) throw new Error(`instance ${key} did not get there: ${JSON.stringify(await node.engine.getInstance(key))}`);
  return view;
}
