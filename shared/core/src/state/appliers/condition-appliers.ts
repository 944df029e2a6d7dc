import { emptyMap } from '../records.js';
import type { AppliersOf } from './applier.js';

/** Appliers of conditional event subscriptions (issue 16): kept in `conditions`, not in `waits`. */
export const conditionAppliers: AppliersOf<'ConditionSubscriptionOpened' | 'ConditionEvaluated' | 'ConditionSubscriptionClosed'> = {
  ConditionSubscriptionOpened: {
    1: (d, e) => {
      d.seq++;
      (d.conditions ??= emptyMap())[e.subscription.subscriptionKey] = e.subscription;
    },
  },
  ConditionEvaluated: {
    1: (d, e) => {
      const subscription = d.conditions?.[e.subscriptionKey];
      if (d.conditions !== undefined && subscription !== undefined) d.conditions[e.subscriptionKey] = { ...subscription, isMet: e.isMet };
    },
  },
  ConditionSubscriptionClosed: {
    1: (d, e) => {
      if (d.conditions !== undefined) delete d.conditions[e.subscriptionKey];
    },
  },
};
