/**
 * Job handlers for the topologies in this folder: the example order handlers plus
 * `label-printer`, which stands for a PC next to a production line (the edge node
 * of heterogeneous.yaml). Each node runs only the handlers of its capabilities.
 */
import examples from '../../services/engine/examples/handlers.js';

export default {
  ...examples,
  'label-printer': async (job) => ({ labelPrinted: true, printedFor: job.processInstanceKey }),
};
