import type { AppliersOf } from './applier.js';

/** Appliers of swimlane instances (issue 16): the lane's user, in a map replaced on each write. */
export const swimlaneAppliers: AppliersOf<'SwimlaneAssigned'> = {
  SwimlaneAssigned: {
    1: (d, e) => {
      d.swimlanes = { ...d.swimlanes, [e.laneId]: e.assignee };
    },
  },
};
