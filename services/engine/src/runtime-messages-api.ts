import { defaultTenantId, filterValue } from '@baton/api';
import type { MessageSubscriptionFilter, MessageSubscriptionResult, MessageSubscriptionSearchQuery, MessageSubscriptionSearchQueryResult } from '@baton/api';
import type { InstanceState, MessageWait } from '@baton/core';
import { BatonError, isBatonError } from '@baton/errors';
import type { Engine } from '@baton/runtime';
import type * as Api from './engine-api.js';
import { everyItem, matchesDate, matchesEvery, searchPage, searchWindow, sortBy } from './search-page.js';

type MessagesApi = Pick<Api.EngineApi, 'publishMessage' | 'correlateMessage' | 'searchMessageSubscriptions' | 'broadcastSignal'>;
type InstanceRef = Pick<InstanceState, 'instanceId' | 'processId' | 'definitionKey'>;

function toSubscription(wait: MessageWait, instance: InstanceRef): MessageSubscriptionResult {
  return {
    messageSubscriptionKey: wait.subscriptionKey,
    processDefinitionId: instance.processId,
    processDefinitionKey: instance.definitionKey,
    processInstanceKey: instance.instanceId,
    elementId: wait.elementId,
    elementInstanceKey: wait.elementInstanceId,
    messageSubscriptionState: 'CREATED',
    lastUpdatedDate: new Date(wait.createdAt).toISOString(),
    messageName: wait.messageName,
    ...(wait.correlationKey === undefined ? {} : { correlationKey: wait.correlationKey }),
    tenantId: defaultTenantId,
  };
}

/** The open message subscriptions of one instance (none when it does not exist). */
async function subscriptionsOf(engine: Engine, instanceId: string): Promise<MessageSubscriptionResult[]> {
  try {
    const { state } = await engine.getInstance(instanceId);
    return Object.values(state.waits).flatMap((wait) => (wait.kind === 'message' ? [toSubscription(wait, state)] : []));
  } catch (error) {
    if (isBatonError(error) && error.code === 'INSTANCE_NOT_FOUND') return [];
    throw error;
  }
}

/**
 * The candidates a filter selects: the one subscription with that key (the wait index),
 * those of one instance, else those of every active instance (a scan: the store indexes
 * subscriptions by message name and key for correlation, which the Engine does not expose).
 */
async function candidates(engine: Engine, f: MessageSubscriptionFilter): Promise<MessageSubscriptionResult[]> {
  const key = filterValue(f.messageSubscriptionKey);
  if (key !== undefined) {
    const wait = await engine.findWait(key);
    return wait?.kind === 'message' ? [toSubscription(wait, wait)] : [];
  }
  const instanceId = filterValue(f.processInstanceKey);
  if (instanceId !== undefined) return subscriptionsOf(engine, instanceId);
  const processId = filterValue(f.processDefinitionId);
  const active = await everyItem((page) => engine.searchInstances({ status: 'active', ...(processId === undefined ? {} : { processId }), ...page }));
  return (await Promise.all(active.map((instance) => subscriptionsOf(engine, instance.instanceId)))).flat();
}

const equalityFilters = ['messageSubscriptionKey', 'processDefinitionId', 'processInstanceKey', 'elementId', 'elementInstanceKey', 'messageName', 'correlationKey'] as const;

async function searchMessageSubscriptions(engine: Engine, request: MessageSubscriptionSearchQuery): Promise<MessageSubscriptionSearchQueryResult> {
  const f = request.filter ?? {};
  const window = searchWindow(request.page);
  // Baton keeps open subscriptions only, of the one tenant.
  if (![undefined, 'CREATED'].includes(filterValue(f.messageSubscriptionState)) || ![undefined, defaultTenantId].includes(filterValue(f.tenantId))) {
    return searchPage([], 0, window.offset);
  }
  const found = (await candidates(engine, f)).filter((s) => matchesEvery(f, s, equalityFilters) && matchesDate(s.lastUpdatedDate, f.lastUpdatedDate, 'lastUpdatedDate'));
  const sorted = sortBy(sortBy(found, [{ field: 'lastUpdatedDate' }]), request.sort);
  return searchPage(sorted.slice(window.offset, window.offset + window.limit), sorted.length, window.offset);
}

/**
 * The message and signal operations of {@link Api.EngineApi} on `@baton/runtime`'s
 * Engine, in 8.8's shapes (`@baton/api`).
 */
export function runtimeMessagesApi(engine: Engine): MessagesApi {
  return {
    async publishMessage({ name, correlationKey, timeToLive, messageId, variables }) {
      const result = await engine.publishMessage({
        name,
        correlationKey: correlationKey ?? '',
        variables: variables ?? {},
        ...(timeToLive === undefined ? {} : { timeToLiveMs: timeToLive }),
        ...(messageId === undefined ? {} : { messageId }),
      });
      return { messageKey: result.messageKey, tenantId: defaultTenantId };
    },
    async correlateMessage({ name, correlationKey, variables }) {
      const result = await engine.publishMessage({ name, correlationKey: correlationKey ?? '', variables: variables ?? {}, timeToLiveMs: 0 });
      const processInstanceKey = result.correlatedInstanceId ?? result.startedInstanceIds[0];
      if (processInstanceKey === undefined) {
        throw new BatonError(
          'NOT_FOUND',
          `Expected to find a subscription for message "${name}" with correlation key "${correlationKey ?? ''}" (or a process starting with it), but none was found; publish it with a timeToLive to keep it.`,
          { messageName: name, correlationKey: correlationKey ?? '' },
        );
      }
      return { messageKey: result.messageKey, tenantId: defaultTenantId, processInstanceKey };
    },
    searchMessageSubscriptions: (query) => searchMessageSubscriptions(engine, query),
    async broadcastSignal({ signalName, variables }) {
      const { signalKey } = await engine.broadcastSignal({ name: signalName, variables: variables ?? {} });
      return { signalKey, tenantId: defaultTenantId };
    },
  };
}
