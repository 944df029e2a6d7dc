/**
 * In-process job handlers for the example order process (examples/order.bpmn).
 * Each key is a job type (zeebe:taskDefinition type); each handler gets the job
 * (variables, customHeaders, processInstanceKey, elementId, ...) and returns the
 * variables to complete it with. A thrown error fails the job (retried, then an incident).
 *
 * Run: baton serve --deploy services/engine/examples --handlers services/engine/examples/handlers.js
 */
export default {
  'reserve-stock': async (job) => ({ reserved: true, items: job.variables.items ?? 1 }),

  'charge-card': async (job) => {
    if (job.variables.cardDeclined === true) throw new Error('card declined');
    return { receipt: `r-${job.processInstanceKey}`, currency: job.customHeaders.currency ?? 'EUR' };
  },

  'ship-order': async (job) => ({ trackingNumber: `TRACK-${job.processInstanceKey}` }),

  // A rejected order gives its reserved items back.
  'release-stock': async () => ({ reserved: false }),
};
