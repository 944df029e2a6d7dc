import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { connect, JSONCodec } from 'nats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleBatonCli } from './bundle-cli.js';

// Issue 8: SIGTERM a real `baton serve` process under load (what Kubernetes does on a
// rolling update), then start another node on the same Redis. The stopped node exits 0
// within its grace period; every instance it accepted completes.

const fixtures = fileURLToPath(new URL('../../deploy/fixtures/drain', import.meta.url));
const load = 150;
const sigtermAfter = 40;
/** A Redis database of this file's own, emptied before and after (never FLUSHALL). */
const database = 13;

interface Node {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stderr: () => string;
}

function withDatabase(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function emptyDatabase(url: string): Promise<void> {
  const redis = new Redis(url);
  try {
    for await (const keys of redis.scanStream({ match: '*', count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    await redis.quit();
  }
}

function startServe(cli: string, redisUrl: string, natsUrl: string, nodeId: string): Promise<Node> {
  const args = [cli, 'serve', '--port', '0', '--store', redisUrl, '--queue', redisUrl, '--bus', natsUrl, '--deploy', fixtures, '--handlers', `${fixtures}/handlers.js`, '--node-id', nodeId];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url !== undefined) resolve({ child, url, exited, stderr: () => stderr });
    });
    void exited.then(({ code }) => reject(new Error(`baton serve exited (${String(code)}) before listening:\n${stderr}\n${stdout}`)));
  });
}

type Outcome = { readonly status: number; readonly key?: string } | { readonly error: string };

async function startInstance(url: string): Promise<Outcome> {
  try {
    const response = await fetch(`${url}/v2/process-instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ processDefinitionId: 'drain', variables: {} }),
    });
    const body = (await response.json()) as { processInstanceKey?: string };
    return response.status === 200 ? { status: 200, key: body.processInstanceKey ?? '' } : { status: response.status };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { error: cause?.code ?? String(error) };
  }
}

describe('SIGTERM on a node under load, on Redis and NATS', () => {
  const redisUrl = withDatabase(inject('redisUrl'));
  const natsUrl = inject('natsUrl');
  const children: ChildProcess[] = [];
  let cli = '';

  beforeAll(async () => {
    await emptyDatabase(redisUrl);
    cli = await bundleBatonCli();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await emptyDatabase(redisUrl);
  });

  it('exits 0 after draining, and a restarted node completes every accepted instance', async () => {
    // given: completions observed on the bus, and a node taking a burst of starts
    const nats = await connect({ servers: natsUrl });
    const completed = new Set<string>();
    const codec = JSONCodec<{ instanceId: string; events: { type: string }[] }>();
    let onCompleted = (): void => undefined;
    const subscription = nats.subscribe('baton.default.events.drain');
    void (async () => {
      for await (const message of subscription) {
        const { instanceId, events } = codec.decode(message.data);
        if (events.some((e) => e.type === 'InstanceCompleted')) completed.add(instanceId);
        onCompleted();
      }
    })();
    const nodeA = await startServe(cli, redisUrl, natsUrl, 'sigterm-a');
    children.push(nodeA.child);

    // when: SIGTERM arrives while starts are in flight
    let answered = 0;
    const outcomes = await Promise.all(
      Array.from({ length: load }, async () => {
        const outcome = await startInstance(nodeA.url);
        answered += 1;
        if (answered === sigtermAfter) nodeA.child.kill('SIGTERM');
        return outcome;
      }),
    );

    // then: the node drains and exits 0 on its own
    expect(await nodeA.exited).toEqual({ code: 0, signal: null });
    expect(nodeA.stderr()).toContain('SIGTERM received, stopping');
    // and: every start was either accepted or refused cleanly, never failed half-way
    const accepted = outcomes.flatMap((o) => ('key' in o && o.key !== undefined ? [o.key] : []));
    const refused = outcomes.filter((o) => !('key' in o));
    expect(accepted.length).toBeGreaterThanOrEqual(sigtermAfter);
    for (const outcome of refused) expect([503, 'ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET']).toContain('status' in outcome ? outcome.status : outcome.error);

    // when: another node starts on the same Redis
    const allDone = new Promise<void>((resolve) => {
      onCompleted = () => {
        if (accepted.every((key) => completed.has(key))) resolve();
      };
      onCompleted();
    });
    const nodeB = await startServe(cli, redisUrl, natsUrl, 'sigterm-b');
    children.push(nodeB.child);

    // then: every accepted instance completes, and each ran its job exactly once
    await allDone;
    for (const key of accepted) {
      const view = (await (await fetch(`${nodeB.url}/v2/process-instances/${key}`)).json()) as { state: string; variables: { handledFor?: string } };
      expect(view.state).toBe('COMPLETED');
      expect(view.variables.handledFor).toBe(key);
    }
    nodeB.child.kill('SIGTERM');
    expect(await nodeB.exited).toEqual({ code: 0, signal: null });
    subscription.unsubscribe();
    await nats.close();
  });
});
