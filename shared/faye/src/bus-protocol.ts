/**
 * What Baton's Faye client and endpoint say to each other beyond plain Bayeux.
 * Every bus message is an {@link Envelope} on the subject's channel; the control
 * channels live under `/_baton/`, which subjects may not use.
 */

/** A published message. `replyTo` is set on a request. */
export interface Envelope {
  readonly subject: string;
  readonly data: unknown;
  readonly replyTo?: string;
}

/** An answer on a request's `replyTo` channel. */
export type Reply = { readonly kind: 'answer'; readonly data: unknown } | { readonly kind: 'no-responders' };

/** Sent on {@link joinChannel} after subscribing to `inbox`: "give me my share of `queue`". */
export interface QueueJoin {
  readonly queue: string;
  readonly pattern: string;
  readonly inbox: string;
}

export const joinChannel = '/_baton/join';
export const inboxPrefix = '/_baton/queue/';
export const replyPrefix = '/_baton/reply/';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isEnvelope(value: unknown): value is Envelope {
  return isRecord(value) && typeof value['subject'] === 'string' && 'data' in value && (value['replyTo'] === undefined || typeof value['replyTo'] === 'string');
}

export function isReply(value: unknown): value is Reply {
  return isRecord(value) && (value['kind'] === 'no-responders' || (value['kind'] === 'answer' && 'data' in value));
}

export function isQueueJoin(value: unknown): value is QueueJoin {
  return (
    isRecord(value) &&
    typeof value['queue'] === 'string' &&
    typeof value['pattern'] === 'string' &&
    typeof value['inbox'] === 'string' &&
    value['inbox'].startsWith(inboxPrefix)
  );
}
