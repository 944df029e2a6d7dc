import { BatonError } from '@baton/errors';

/** Faye's channel segment grammar (faye/src/protocol/grammar.js). */
const segmentPattern = /^[A-Za-z0-9\-_!~()$@]+$/;

/** Channels under this prefix carry the bus's own traffic (queue inboxes, replies, joins). */
export const controlPrefix = '/_baton/';
const reservedToken = '_baton';

/** A subscription pattern as Faye can take it. */
export interface ChannelPattern {
  /** The Faye channel or pattern to subscribe to. */
  readonly channel: string;
  /** False when Faye's pattern is wider than the subject pattern, so messages must be filtered. */
  readonly isExact: boolean;
}

function invalid(subject: string, why: string): BatonError {
  return new BatonError(
    'VALIDATION_FAILED',
    `Expected a dot-separated subject of letters, digits and - _ ! ~ ( ) $ @ but "${subject}" ${why}.`,
    { field: 'subject', subject },
  );
}

function checkToken(subject: string, token: string, index: number): void {
  if (!segmentPattern.test(token)) throw invalid(subject, `has the token "${token}", which Faye cannot carry`);
  if (index === 0 && token === reservedToken) throw invalid(subject, `starts with "${reservedToken}", which the bus reserves`);
}

/** `baton.c1.actions.print` → `/baton/c1/actions/print`; throws VALIDATION_FAILED on wildcards or bad tokens. */
export function subjectToChannel(subject: string): string {
  const tokens = subject.split('.');
  tokens.forEach((token, index) => checkToken(subject, token, index));
  return `/${tokens.join('/')}`;
}

/** `/baton/c1/actions/print` → `baton.c1.actions.print`. */
export function channelToSubject(channel: string): string {
  return channel.slice(1).split('/').join('.');
}

/**
 * A NATS-style pattern as a Faye subscription. Faye has `*` (one segment) and `**`
 * (one or more), both only as the last segment: `a.*` → `/a/*`, `a.>` → `/a/**`.
 * A wildcard before the end (`a.*.c`) subscribes to `/a/**` and is filtered on arrival.
 */
export function patternToChannel(pattern: string): ChannelPattern {
  const tokens = pattern.split('.');
  const literal: string[] = [];
  for (const [index, token] of tokens.entries()) {
    const isLast = index === tokens.length - 1;
    if (token === '>' && !isLast) throw invalid(pattern, 'has ">" before its last token');
    if (token === '*' || token === '>') {
      const wildcard = isLast && token === '*' ? '*' : '**';
      return { channel: `/${[...literal, wildcard].join('/')}`, isExact: isLast };
    }
    checkToken(pattern, token, index);
    literal.push(token);
  }
  return { channel: `/${literal.join('/')}`, isExact: true };
}

/** NATS matching: `*` is exactly one token, a last `>` one or more remaining tokens. */
export function subjectMatches(pattern: string, subject: string): boolean {
  if (pattern === subject) return true;
  const p = pattern.split('.');
  const s = subject.split('.');
  for (const [index, token] of p.entries()) {
    if (token === '>') return index === p.length - 1 && s.length > index;
    if (index >= s.length) return false;
    if (token !== '*' && token !== s[index]) return false;
  }
  return p.length === s.length;
}
