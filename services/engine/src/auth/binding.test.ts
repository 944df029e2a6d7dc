import { describe, expect, it } from 'vitest';
import { startNode } from '../start-node.js';
import { checkBinding, isLoopback } from './binding.js';

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
