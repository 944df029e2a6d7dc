/**
 * The cost per request of each door (issue 14): one `createProcessInstance` and one
 * task-list query (`searchUserTasks`, 50 a page), over REST, GraphQL (`/graphql`, the
 * task list's fields) and the bus client API on NATS and on Faye, side by side (req/s and
 * p50/p99 from one run).
 *
 *   npm run bench:doors [-- --duration-ms 3000 --in-flight 20 --open-tasks 200]
 *
 * One process holds the node (memory store and queue) and the clients, so both share a
 * CPU: compare the doors of one run, not runs of different days. NATS comes from
 * `@baton/testkit` (`BATON_TEST_NATS_URL`, else a container, else the local binary).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createBusClient, createClient, type BatonClient } from '@baton/client';
import { createFayeMessageBus, createFayeServer } from '@baton/faye';
import { createInMemoryMessageBus } from '@baton/memory';
import { createNatsMessageBus } from '@baton/nats';
import { systemClock, type MessageBus } from '@baton/runtime';
import { startNats } from '@baton/testkit';
import { startBusNode, type BusNode } from '../integration/bus-api/bus-api-support.js';
import { percentile } from './stats.js';

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://baton.bench">
  <bpmn:process id="doors" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review" />
  </bpmn:process>
</bpmn:definitions>`;

interface Row {
  readonly door: string;
  readonly operation: string;
  readonly requests: number;
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** The two calls each door is measured on. */
interface DoorCalls {
  searchUserTasks(): Promise<unknown>;
  createProcessInstance(): Promise<unknown>;
}

/** The calls through a `BatonClient` (REST or the bus). */
const clientCalls = (client: BatonClient): DoorCalls => ({
  searchUserTasks: () => client.searchUserTasks({ filter: { state: 'CREATED' }, page: { limit: 50 } }),
  createProcessInstance: () => client.createProcessInstance({ processDefinitionId: 'doors' }),
});

/** The task list's fields, as a GraphQL task list asks for them. */
const taskFields = 'userTaskKey name state assignee elementId candidateGroups candidateUsers processDefinitionId processInstanceKey creationDate dueDate priority';

/** The calls through `/graphql` (one POST each; an `errors` answer fails the call). */
function graphqlCalls(url: string): DoorCalls {
  const post = async (query: string): Promise<unknown> => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const answer = (await res.json()) as { data?: unknown; errors?: unknown };
    if (answer.errors !== undefined) throw new Error(`GraphQL answered ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };
  return {
    searchUserTasks: () => post(`{ userTasks(filter: { state: "CREATED" }, page: { limit: 50 }) { items { ${taskFields} } } }`),
    createProcessInstance: () => post('mutation { createProcessInstance(processDefinitionId: "doors") { processInstanceKey } }'),
  };
}

/** The task-list query first, while each door's node holds the same open tasks; each created instance adds one. */
const operations: readonly (readonly [string, (calls: DoorCalls) => Promise<unknown>])[] = [
  ['searchUserTasks (50)', (calls) => calls.searchUserTasks()],
  ['createProcessInstance', (calls) => calls.createProcessInstance()],
];

/** `inFlight` lanes call `call` back to back for `durationMs`; every latency is kept. */
async function measure(call: () => Promise<unknown>, inFlight: number, durationMs: number): Promise<{ requests: number; elapsedMs: number; latencies: number[] }> {
  const latencies: number[] = [];
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (performance.now() - started < durationMs) {
      const at = performance.now();
      await call();
      latencies.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { requests: latencies.length, elapsedMs: performance.now() - started, latencies: latencies.sort((a, b) => a - b) };
}

async function benchDoor(door: string, calls: DoorCalls, inFlight: number, durationMs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [operation, call] of operations) {
    await measure(() => call(calls), inFlight, Math.min(1_000, durationMs));
    const { requests, elapsedMs, latencies } = await measure(() => call(calls), inFlight, durationMs);
    rows.push({ door, operation, requests, perSec: (requests / elapsedMs) * 1_000, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) });
    process.stderr.write(`${door} ${operation}: ${requests} requests\n`);
  }
  return rows;
}

interface Door {
  readonly name: string;
  readonly calls: DoorCalls;
  close(): Promise<void>;
}

/** A node of its own for a door (memory store and queue on `bus`), holding `openTasks` open user tasks. */
async function nodeOn(bus: MessageBus, cluster: string, openTasks: number): Promise<BusNode> {
  const served = await startBusNode(bus, cluster);
  const rest = createClient({ baseUrl: served.node.url });
  await rest.deployResources({ xml: model, name: 'doors.bpmn' });
  for (let i = 0; i < openTasks; i += 1) await rest.createProcessInstance({ processDefinitionId: 'doors' });
  return served;
}

function format(rows: readonly Row[]): string {
  const header = ['door', 'operation', 'req/s', 'p50 ms', 'p99 ms', 'requests'];
  const lines = rows.map((r) => [r.door, r.operation, r.perSec.toFixed(0), r.p50Ms.toFixed(2), r.p99Ms.toFixed(2), String(r.requests)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  return [header, ...lines].map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'duration-ms': { type: 'string', default: '3000' }, 'in-flight': { type: 'string', default: '20' }, 'open-tasks': { type: 'string', default: '200' } } });
  const durationMs = Number(values['duration-ms']);
  const inFlight = Number(values['in-flight']);
  const openTasks = Number(values['open-tasks']);
  const cluster = `doors-${randomUUID().slice(0, 8)}`;
  const nats = await startNats();
  const token = randomUUID();
  const faye = await createFayeServer({ port: 0, token });
  const doors: (() => Promise<Door>)[] = [
    async () => {
      const bus = createInMemoryMessageBus({ clock: systemClock() });
      const node = await nodeOn(bus, cluster, openTasks);
      return { name: 'REST', calls: clientCalls(createClient({ baseUrl: node.node.url })), close: async () => (await node.close(), await bus.close()) };
    },
    async () => {
      const bus = createInMemoryMessageBus({ clock: systemClock() });
      const node = await nodeOn(bus, cluster, openTasks);
      return { name: 'GraphQL', calls: graphqlCalls(node.node.url), close: async () => (await node.close(), await bus.close()) };
    },
    async () => {
      const bus = await createNatsMessageBus({ url: nats.url });
      const node = await nodeOn(bus, cluster, openTasks);
      const client = await createBusClient({ bus: nats.url, cluster });
      return { name: 'bus (NATS)', calls: clientCalls(client), close: async () => (await client.close(), await node.close(), await bus.close()) };
    },
    async () => {
      const bus = await createFayeMessageBus({ url: faye.url, token });
      const node = await nodeOn(bus, cluster, openTasks);
      const client = await createBusClient({ bus: `faye+${faye.url}`, fayeToken: token, cluster });
      return { name: 'bus (Faye)', calls: clientCalls(client), close: async () => (await client.close(), await node.close(), await bus.close()) };
    },
  ];
  const rows: Row[] = [];
  try {
    for (const open of doors) {
      const door = await open();
      try {
        rows.push(...(await benchDoor(door.name, door.calls, inFlight, durationMs)));
      } finally {
        await door.close();
      }
    }
    process.stdout.write(`${format(rows)}\n(${inFlight} in flight, ${durationMs} ms per row, ${openTasks} open tasks at the start, node ${process.version})\n`);
  } finally {
    await faye.close();
    await nats.stop();
  }
}

await main();
// Faye's client and endpoint leave timers behind after close (up to 50 s, renewed), which would hold the process open.
process.exit();
