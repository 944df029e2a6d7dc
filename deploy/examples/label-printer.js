/**
 * The edge node's in-process handler (compose service `edge`): it stands for the code
 * that drives a label printer on the machine next to the production line.
 */
export default {
  'label-printer': async (job) => ({ labelPrinted: true, labelFor: job.processInstanceKey }),
};
