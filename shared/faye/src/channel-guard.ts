import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { BayeuxMessage, Pass, ServerExtension } from './faye-module.js';

const metaChannels = new Set(['/meta/handshake', '/meta/connect', '/meta/subscribe', '/meta/unsubscribe', '/meta/disconnect']);
const reservedRoots = new Set(['meta', 'service']);

/** Refusals, in Faye's `code:args:message` error grammar. */
const unauthorized = '401::Unauthorized';
const notCanonical = '405::Channel name is not canonical';
const forbidden = '403::Forbidden channel';

/**
 * The canonical form of a channel name: percent-escapes decoded, empty, `.` and `..`
 * segments resolved. `//meta/subscribe`, `/meta/./subscribe`, `/x/../meta/subscribe`
 * and `/%6Deta/subscribe` all become `/meta/subscribe`.
 */
export function normalizeChannel(raw: string): string {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Not valid percent-encoding: checked as written.
  }
  const kept: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  return `/${kept.join('/')}`;
}

/**
 * Why a channel named in a message may not be used, or undefined when it may.
 * The check runs on the normalized name, and a name that does not equal its normal
 * form is refused outright, so no spelling reaches Faye that the check did not see.
 * Under `/meta` only the five Bayeux meta channels exist (CVE-2020-11020 was
 * `/meta/subscribe/x` passing for a subscribe); nothing under `/meta` or `/service`
 * may be subscribed to.
 */
export function channelRefusal(raw: unknown, use: 'send' | 'subscribe'): string | undefined {
  if (typeof raw !== 'string') return forbidden;
  const normal = normalizeChannel(raw);
  if (normal !== raw) return notCanonical;
  const root = normal.split('/')[1]?.toLowerCase() ?? '';
  if (!reservedRoots.has(root)) return undefined;
  if (use === 'subscribe') return forbidden;
  return metaChannels.has(normal) ? undefined : forbidden;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function refusalOf(message: BayeuxMessage, expected: Buffer): string | undefined {
  const channelRefused = channelRefusal(message.channel, 'send');
  if (channelRefused !== undefined) return channelRefused;
  if (message.channel === '/meta/subscribe' || message.channel === '/meta/unsubscribe') {
    const subscriptions = Array.isArray(message.subscription) ? message.subscription : [message.subscription];
    for (const subscription of subscriptions) {
      const refused = channelRefusal(subscription, 'subscribe');
      if (refused !== undefined) return refused;
    }
  }
  const token = message.ext?.['token'];
  // Compared as digests: equal length, and timing says nothing about the token.
  return typeof token === 'string' && timingSafeEqual(digest(token), expected) ? undefined : unauthorized;
}

/**
 * A Faye server extension that lets through only messages carrying `ext.token` equal
 * to `token`, on every channel, meta ones included (no exemption to trick), with
 * channel names checked by {@link channelRefusal}. The token is removed before the
 * message goes on, so subscribers never see it. A refused handshake is told not to
 * retry.
 */
export function createChannelGuard(token: string): ServerExtension {
  const expected = digest(token);
  return {
    incoming(message: BayeuxMessage, _request: IncomingMessage | null, callback: Pass) {
      const refusal = refusalOf(message, expected);
      if (message.ext !== undefined) delete message.ext['token'];
      if (refusal !== undefined) message.error = refusal;
      callback(message);
    },
    outgoing(message: BayeuxMessage, _request: IncomingMessage | null, callback: Pass) {
      if (message.channel === '/meta/handshake' && message.error === unauthorized) {
        message.advice = { ...message.advice, reconnect: 'none' };
      }
      callback(message);
    },
  };
}
