import type { MessageWait, Variables } from '@baton/core';
import { BatonError, isBatonError } from '@baton/errors';
import type { ExecuteResult } from '../command-processor.js';
import type { StartEventTarget } from '../ports/store-records.js';
import { stamp, type EngineContext } from './engine-context.js';
import type { BroadcastSignalRequest, BroadcastSignalResult, PublishMessageRequest, PublishMessageResult } from './engine-types.js';

/** Refusals meaning "this subscription is gone": try the next one. */
const gone = new Set(['STALE_COMMAND', 'INSTANCE_NOT_ACTIVE', 'INSTANCE_NOT_FOUND', 'NOT_FOUND']);

function isGone(error: unknown): boolean {
  return isBatonError(error) && gone.has(error.code);
}

/** Message correlation (with TTL buffering) and signal broadcast, through the store's indexes. */
export class Messaging {
  constructor(
    private readonly ctx: EngineContext,
    private readonly startAt: (target: StartEventTarget, variables: Variables) => Promise<ExecuteResult>,
  ) {}

  /**
   * One matching subscription takes it; else message start events; else the buffer when
   * it has a TTL. With a TTL, a `messageId` makes it idempotent for that time (Camunda):
   * a second publication with the same id, name and key is refused, whatever became of the first.
   */
  async publish(request: PublishMessageRequest): Promise<PublishMessageResult> {
    const { name, correlationKey } = request;
    const variables = request.variables ?? {};
    const messageKey = await this.ctx.keys.next();
    const messageId = request.messageId ?? messageKey;
    if (request.messageId !== undefined) await this.claim(request.messageId, name, correlationKey, request.timeToLiveMs ?? 0);
    const correlatedInstanceId = await this.correlate(name, correlationKey, variables);
    if (correlatedInstanceId !== undefined) return { messageKey, messageId, correlatedInstanceId, startedInstanceIds: [], isBuffered: false };
    const targets = await this.ctx.store.findMessageStartEvents(name);
    const startedInstanceIds: string[] = [];
    for (const target of targets) startedInstanceIds.push((await this.startAt(target, variables)).instanceId);
    const ttlMs = request.timeToLiveMs ?? 0;
    const isBuffered = startedInstanceIds.length === 0 && ttlMs > 0;
    if (isBuffered) {
      const publishedAt = this.ctx.clock.now();
      await this.ctx.store.bufferMessage({
        messageId,
        messageName: name,
        ...(correlationKey === undefined ? {} : { correlationKey }),
        variables,
        publishedAt,
        expiresAt: publishedAt + ttlMs,
      });
      // A subscription that opened while this message was on its way to the buffer checked it too early.
      const late = await this.ctx.store.findMessageSubscriptions(name, correlationKey);
      const first = late[0];
      if (first !== undefined) await this.deliverBuffered(first.instanceId, first);
    }
    return { messageKey, messageId, startedInstanceIds, isBuffered };
  }

  /** Every open subscription named `name` (but those of `excludeInstanceId`) reacts, and every signal start event starts an instance. */
  async broadcast(request: BroadcastSignalRequest): Promise<BroadcastSignalResult> {
    const variables = request.variables ?? {};
    const signalKey = await this.ctx.keys.next();
    const [subscriptions, targets] = await Promise.all([
      this.ctx.store.findSignalSubscriptions(request.name),
      this.ctx.store.findSignalStartEvents(request.name),
    ]);
    const triggeredInstanceIds: string[] = [];
    for (const sub of subscriptions) {
      if (sub.instanceId === request.excludeInstanceId) continue;
      const command = { type: 'TriggerSignal', ...stamp(this.ctx), subscriptionKey: sub.subscriptionKey, signalName: request.name, variables } as const;
      try {
        await this.ctx.processor.execute({ instanceId: sub.instanceId, command });
        triggeredInstanceIds.push(sub.instanceId);
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    }
    const startedInstanceIds: string[] = [];
    for (const target of targets) startedInstanceIds.push((await this.startAt(target, variables)).instanceId);
    return { signalKey, triggeredInstanceIds, startedInstanceIds };
  }

  /** After a commit: each message subscription it opened takes a buffered message, if one waits. */
  async takeBuffered(result: ExecuteResult): Promise<void> {
    for (const wait of result.indexChanges.upsertWaits) {
      if (wait.kind !== 'message' || result.previous?.waits[wait.subscriptionKey] !== undefined) continue;
      await this.deliverBuffered(result.instanceId, wait).catch((error: unknown) =>
        this.ctx.onError(error, { instanceId: result.instanceId, subscriptionKey: wait.subscriptionKey, during: 'takeBufferedMessage' }),
      );
    }
  }

  private async deliverBuffered(instanceId: string, wait: MessageWait): Promise<void> {
    const message = await this.ctx.store.takeBufferedMessage(wait.messageName, wait.correlationKey, this.ctx.clock.now());
    if (message === undefined) return;
    const command = {
      type: 'CorrelateMessage',
      ...stamp(this.ctx),
      subscriptionKey: wait.subscriptionKey,
      messageName: message.messageName,
      variables: message.variables,
    } as const;
    try {
      await this.ctx.processor.execute({ instanceId, command });
    } catch (error) {
      // The subscription closed meanwhile: the message waits for the next one.
      await this.ctx.store.bufferMessage(message);
      if (!isGone(error)) throw error;
    }
  }

  /** Holds `messageId` for `ttlMs` (none without a TTL: such a message lives only now); throws when a live publication holds it. */
  private async claim(messageId: string, messageName: string, correlationKey: string | undefined, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    const now = this.ctx.clock.now();
    const claim = { messageId, messageName, ...(correlationKey === undefined ? {} : { correlationKey }), now, expiresAt: now + ttlMs };
    if (await this.ctx.store.claimMessageId(claim)) return;
    throw new BatonError(
      'MESSAGE_ALREADY_PUBLISHED',
      `Expected a new message, but message "${messageName}" with correlation key "${correlationKey ?? ''}" and messageId "${messageId}" was already published within its timeToLive; it is not published again. Use another messageId to send another message.`,
      { messageId, messageName, correlationKey: correlationKey ?? '' },
    );
  }

  private async correlate(name: string, correlationKey: string | undefined, variables: Variables): Promise<string | undefined> {
    const subscriptions = await this.ctx.store.findMessageSubscriptions(name, correlationKey);
    for (const sub of subscriptions) {
      const command = { type: 'CorrelateMessage', ...stamp(this.ctx), subscriptionKey: sub.subscriptionKey, messageName: name, variables } as const;
      try {
        await this.ctx.processor.execute({ instanceId: sub.instanceId, command });
        return sub.instanceId;
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    }
    return undefined;
  }
}
