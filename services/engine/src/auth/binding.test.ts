import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startNode } from '../start-node.js';
import { testIdentity } from './__fixtures__/auth-harness.js';
import { authConfigFromFlags } from './auth-flags.js';
import { checkBinding, isLoopback } from './binding.js';

const demoFile = new URL('../../examples/identity.yaml', import.meta.url).pathname;

describe('safe default binding', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', 'localhost'])('serves %s without authentication', (host) => {
    expect(isLoopback(host)).toBe(true);
    expect(checkBinding({ host })).toBeUndefined();
  });

  it('refuses another address without authentication, saying why and what to do', () => {
    expect(() => checkBinding({ host: '0.0.0.0' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'host', host: '0.0.0.0' } }));
    expect(() => checkBinding({ host: '0.0.0.0' })).toThrow(/--identity FILE.*--insecure-no-auth/);
  });

  it('allows it with authentication, and with --insecure-no-auth returns the warning to log', () => {
    expect(checkBinding({ host: '0.0.0.0', auth: {} })).toBeUndefined();
    expect(checkBinding({ host: '0.0.0.0', insecureNoAuth: true })).toContain('WITHOUT authentication');
  });

  it('startNode refuses to start on 0.0.0.0 without authentication', async () => {
    await expect(startNode({ host: '0.0.0.0', port: 0, handleSignals: false, print: () => undefined })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('issue 12 (6c): the demo identity, whose passwords are public, beyond loopback', () => {
  it('is refused on 0.0.0.0, naming the file, its public accounts and what to do', async () => {
    const auth = await authConfigFromFlags({ identityFile: demoFile });
    const refusal = expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'identity', host: '0.0.0.0', accounts: ['ann', 'max', 'ada', 'demo-worker'] } });
    expect(() => checkBinding({ host: '0.0.0.0', auth })).toThrow(refusal);
    expect(() => checkBinding({ host: '0.0.0.0', auth })).toThrow(new RegExp(`"${demoFile}".*PUBLIC.*--allow-demo-identity`));
  });

  it('is served on loopback without a word (the README walkthrough), and an identity of one\'s own anywhere', async () => {
    expect(checkBinding({ host: '127.0.0.1', auth: await authConfigFromFlags({ identityFile: demoFile }) })).toBeUndefined();
    expect(checkBinding({ host: '0.0.0.0', auth: { identity: await testIdentity() } })).toBeUndefined();
  });

  it('with --allow-demo-identity, starts and logs a warning naming the file and that its passwords are public', async () => {
    // given: a node logging to memory, asked for 0.0.0.0 with the demo file
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk)) as { level: number; msg: string }), done()) });
    const quiet = { port: 0, handleSignals: false, print: () => undefined, logger: pino({ level: 'info' }, sink) } as const;
    await expect(startNode({ ...quiet, host: '0.0.0.0', auth: await authConfigFromFlags({ identityFile: demoFile }) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // when
    const node = await startNode({ ...quiet, host: '0.0.0.0', auth: await authConfigFromFlags({ identityFile: demoFile, allowDemoIdentity: true }) });
    await node.close();
    // then
    const warnings = lines.filter((line) => line.level === 40).map((line) => line.msg);
    expect(warnings).toContainEqual(expect.stringMatching(new RegExp(`^Serving 0\\.0\\.0\\.0 with the demo identity.*"${demoFile}".*PUBLIC`)));
  });
});
