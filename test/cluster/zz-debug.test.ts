import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { countInState, startRoundRobin } from './support/instances.js';
import { ownRedis } from './support/own-servers.js';
import { ServeCluster } from './support/serve-nodes.js';

describe('debug', () => {
  const cluster = new ServeCluster(`dbg-${randomUUID()}`);
  let dispose = async () => {};
  afterAll(async () => { await cluster.dispose(); await dispose(); });
  it('debug', async () => {
    const server = await ownRedis(); await server.start(); dispose = () => server.dispose();
    const bus = inject('natsUrl');
    const all = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];
    const n1 = await cluster.start({ name: 'node-1', store: server.url, bus, capabilities: all, deploys: true });
    const n2 = await cluster.start({ name: 'node-2', store: server.url, bus, capabilities: all });
    await startRoundRobin([n1.url, n2.url], 300);
    const c0 = await countInState(n1.url, 'COMPLETED');
    await vi.waitFor(() => expect(cluster.runs().length).toBeGreaterThan(c0 * 4 + 50), { timeout: 30_000, interval: 20 });
    await server.kill(); await server.start();
    const t0 = Date.now();
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 3000));
      const c = await countInState(n1.url, 'COMPLETED');
      console.log('T', Date.now() - t0, 'completed', c, 'runs', cluster.runs().length);
      if (c === 300 || i > 4) break;
      if (i === 3) {
        const act = await (await fetch(`${n1.url}/v2/process-instances/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filter: { state: 'ACTIVE' }, page: { limit: 3 } }) })).json() as { items: { processInstanceKey: string }[] };
        for (const it of act.items) {
          const v = await (await fetch(`${n1.url}/v2/process-instances/${it.processInstanceKey}`)).json();
          console.log(JSON.stringify(v).slice(0, 1500));
          const runs = cluster.runs().filter((r) => r.instance === it.processInstanceKey);
          console.log('runs', JSON.stringify(runs));
        }
        const port = String(server.port);
        const cli = (...a: string[]) => execFileSync('redis-cli', ['-p', port, ...a]).toString().trim();
        console.log('outbox', cli('type', 'baton:outbox'), cli('zcard', 'baton:outbox'), cli('hlen', 'baton:outbox:entries'));
        const keys = cli('--scan', '--pattern', 'baton:job.ship-order:*').split('\n');
        console.log('ship keys', keys.length, keys.filter((k) => !k.includes(':k-')).map((k) => `${k}=${cli('type', k)}`).join(' '));
        for (const k of keys.filter((k) => !k.includes(':k-'))) { const t = cli('type', k); if (t === 'list') console.log(k, cli('llen', k)); if (t === 'zset') console.log(k, cli('zcard', k)); }
        const key = act.items[0]?.processInstanceKey ?? '';
        const jk = `${key}.7`;
        const hk = `baton:job.ship-order:k-${jk.replace(/:/g, '%3A')}`;
        console.log('job hash', hk, cli('hgetall', hk).slice(0, 800));
        console.log('capability map', cli('hget', 'baton:jobs:capability', jk));
        console.log('lpos wait', cli('lpos', 'baton:job.ship-order:wait', `k-${jk}`), 'active', cli('lpos', 'baton:job.ship-order:active', `k-${jk}`), 'delayed', cli('zscore', 'baton:job.ship-order:delayed', `k-${jk}`));
        for (const q of ['reserve-stock', 'charge-card', 'ship-order', 'label-printer']) { const ev = cli('xrange', `baton:job.${q}:events`, '-', '+'); console.log(q, 'failed events', (ev.match(/^failed$/gm) ?? []).length, 'reasons', [...new Set(ev.split('\n').filter((l, i, a) => a[i - 1] === 'failedReason'))].slice(0, 5).join(' | ')); }
        console.log('workers', cli('client', 'list').split('\n').length);
      }
    }
    console.log(cluster.outputs().slice(-6000));
  }, 200_000);
});
