import { describe, expect, it } from 'vitest';
import { channelRefusal, normalizeChannel } from './channel-guard.js';

describe('normalizeChannel', () => {
  it.each([
    ['/a/b', '/a/b'],
    ['//meta/subscribe', '/meta/subscribe'],
    ['/meta//subscribe/', '/meta/subscribe'],
    ['/meta/./subscribe', '/meta/subscribe'],
    ['/x/../meta/subscribe', '/meta/subscribe'],
    ['/../../meta/connect', '/meta/connect'],
    ['/%6Deta/subscribe', '/meta/subscribe'],
    ['/%zz/a', '/%zz/a'],
  ])('%s → %s', (raw, normal) => {
    expect(normalizeChannel(raw)).toBe(normal);
  });
});

describe('channelRefusal', () => {
  it.each([
    // The CVE-2020-11020 shapes and other spellings of a meta channel.
    ['/meta/subscribe/x', 'send', '403::Forbidden channel'],
    ['/meta/subscribe/', 'send', '405::Channel name is not canonical'],
    ['//meta/subscribe', 'send', '405::Channel name is not canonical'],
    ['/meta/./subscribe', 'send', '405::Channel name is not canonical'],
    ['/x/../meta/subscribe', 'send', '405::Channel name is not canonical'],
    ['/%6Deta/subscribe', 'send', '405::Channel name is not canonical'],
    ['/META/subscribe', 'send', '403::Forbidden channel'],
    ['/service/x', 'send', '403::Forbidden channel'],
    ['/meta/**', 'subscribe', '403::Forbidden channel'],
    ['/meta/connect', 'subscribe', '403::Forbidden channel'],
    ['/Service/**', 'subscribe', '403::Forbidden channel'],
    [undefined, 'send', '403::Forbidden channel'],
    [['/a'], 'subscribe', '403::Forbidden channel'],
    // Allowed.
    ['/meta/subscribe', 'send', undefined],
    ['/meta/handshake', 'send', undefined],
    ['/baton/c1/actions/print', 'send', undefined],
    ['/baton/c1/**', 'subscribe', undefined],
    ['/metadata/x', 'subscribe', undefined],
  ] as const)('%j to %s → %s', (channel, use, refusal) => {
    expect(channelRefusal(channel, use)).toBe(refusal);
  });
});
