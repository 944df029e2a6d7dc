export { processStoreContract, expectCode } from './process-store-contract.js';
export { jobQueueContract, type JobQueueHarness } from './job-queue-contract.js';
export { messageBusContract, type MessageBusHarness } from './message-bus-contract.js';
export { changes, commitOf, incident, instanceState, jobWait, messageWait, signalWait, uniqueId, userTaskWait } from './fixtures.js';
export { toyDecide, toyDefinition } from './toy-core.js';
export { historyStoreContract, historyEntries, projectedSummary } from './history-store-contract.js';
