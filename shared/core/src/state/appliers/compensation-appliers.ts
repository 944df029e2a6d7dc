import type { CompensationRecord } from '../../types/state.js';
import { emptyMap } from '../records.js';
import { updateRecord, type AppliersOf } from './applier.js';

/** Appliers of compensation (issue 16): what completed and can be compensated, and what was. */
export const compensationAppliers: AppliersOf<'CompensationRecorded' | 'CompensationTriggered' | 'CompensationHandlerActivated'> = {
  CompensationRecorded: {
    1: (d, e) => {
      const record: { -readonly [K in keyof CompensationRecord]: CompensationRecord[K] } = { elementId: e.elementId, elementInstanceId: e.elementInstanceId };
      if (e.scopeElementInstanceId !== undefined) record.scopeElementInstanceId = e.scopeElementInstanceId;
      if (e.handlerId !== undefined) record.handlerId = e.handlerId;
      if (e.variables !== undefined) record.variables = e.variables;
      (d.compensations ??= emptyMap())[e.elementInstanceId] = record;
    },
  },
  CompensationTriggered: {
    1: (d, e) => {
      if (d.compensations === undefined) return;
      for (const id of e.compensatedElementInstanceIds) delete d.compensations[id];
    },
  },
  CompensationHandlerActivated: { 1: (d, e) => updateRecord(d, e.elementInstanceId, { compensates: e.compensatedElementInstanceId }) },
};
