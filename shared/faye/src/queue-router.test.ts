import { describe, expect, it } from 'vitest';
import { QueueRouter } from './queue-router.js';

function routerWithLog(): { router: QueueRouter; sent: Array<[string, unknown]> } {
  const sent: Array<[string, unknown]> = [];
  return { router: new QueueRouter((channel, data) => sent.push([channel, data])), sent };
}

function join(router: QueueRouter, clientId: string, inbox: string, queue = 'w', pattern = 'a.>'): void {
  router.onSubscribe(clientId, inbox);
  router.onPublish(clientId, '/_baton/join', { queue, pattern, inbox });
}

describe('QueueRouter', () => {
  it('gives each message to one member of each group in turn', () => {
    // given
    const { router, sent } = routerWithLog();
    join(router, 'c1', '/_baton/queue/x/1');
    join(router, 'c2', '/_baton/queue/y/1');
    join(router, 'c3', '/_baton/queue/z/1', 'other');

    // when
    for (const n of [1, 2, 3]) router.onPublish('p', '/a/b', { subject: 'a.b', data: n });

    // then
    expect(sent.map(([channel]) => channel)).toEqual([
      '/_baton/queue/x/1',
      '/_baton/queue/z/1',
      '/_baton/queue/y/1',
      '/_baton/queue/z/1',
      '/_baton/queue/x/1',
      '/_baton/queue/z/1',
    ]);
  });

  it('sends a member nothing its pattern does not match', () => {
    const { router, sent } = routerWithLog();
    join(router, 'c1', '/_baton/queue/x/1', 'w', 'a.*.c');
    router.onPublish('p', '/a/b/d', { subject: 'a.b.d', data: 1 });
    router.onPublish('p', '/a/b/c', { subject: 'a.b.c', data: 2 });
    expect(sent).toEqual([['/_baton/queue/x/1', { subject: 'a.b.c', data: 2 }]]);
  });

  it('takes the subject from the channel, not from the publisher', () => {
    const { router, sent } = routerWithLog();
    join(router, 'c1', '/_baton/queue/x/1');
    router.onPublish('p', '/a/b', { subject: 'a.forged', data: 1 });
    expect(sent).toEqual([['/_baton/queue/x/1', { subject: 'a.b', data: 1 }]]);
  });

  it('drops a member when its inbox is unsubscribed or its client disconnects', () => {
    // given
    const { router } = routerWithLog();
    join(router, 'c1', '/_baton/queue/x/1');
    join(router, 'c2', '/_baton/queue/y/1');

    // when
    router.onUnsubscribe('c1', '/_baton/queue/x/1');
    router.onDisconnect('c2');

    // then
    expect(router.memberCount).toBe(0);
  });

  it('ignores a join for an inbox the joining client does not hold', () => {
    const { router } = routerWithLog();
    router.onSubscribe('victim', '/_baton/queue/v/1');
    router.onPublish('intruder', '/_baton/join', { queue: 'w', pattern: 'a.>', inbox: '/_baton/queue/v/1' });
    expect(router.memberCount).toBe(0);
  });

  it('counts a join that arrives before its inbox subscription once the subscription comes', () => {
    // given: after a re-handshake the join can overtake the re-subscription
    const { router, sent } = routerWithLog();
    router.onPublish('c1', '/_baton/join', { queue: 'w', pattern: 'a.>', inbox: '/_baton/queue/x/1' });
    expect(router.memberCount).toBe(0);

    // when
    router.onSubscribe('c1', '/_baton/queue/x/1');
    router.onPublish('p', '/a/b', { subject: 'a.b', data: 1 });

    // then
    expect(sent).toEqual([['/_baton/queue/x/1', { subject: 'a.b', data: 1 }]]);
  });

  it('answers no-responders to a request only when nobody would receive it', () => {
    // given
    const { router, sent } = routerWithLog();
    router.onSubscribe('c1', '/a/*');

    // when
    router.onPublish('p', '/a/b', { subject: 'a.b', data: 1, replyTo: '/_baton/reply/r/1' });
    router.onPublish('p', '/z/b', { subject: 'z.b', data: 1, replyTo: '/_baton/reply/r/2' });

    // then
    expect(sent).toEqual([['/_baton/reply/r/2', { kind: 'no-responders' }]]);
  });
});
