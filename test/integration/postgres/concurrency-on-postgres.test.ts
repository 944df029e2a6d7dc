import { InMemoryMessageBus } from '@baton/memory';
import { createPostgresJobQueue, createPostgresProcessStore } from '@baton/postgres';
import { cancelVsJobCompletion } from '../../concurrency/races/cancel-vs-job-completion.js';
import { childEndVsParentCancel } from '../../concurrency/races/child-end-vs-parent-cancel.js';
import { describeChildStartRace } from '../../concurrency/races/child-start-vs-parent-cancel.js';
import { duplicateJobCompletion } from '../../concurrency/races/duplicate-job-completion.js';
import { inclusiveJoin } from '../../concurrency/races/inclusive-join.js';
import { jobVsBoundaryTimer } from '../../concurrency/races/job-vs-boundary-timer.js';
import { describeMessageBufferRace } from '../../concurrency/races/message-buffer-vs-subscription.js';
import { messageVsCancel } from '../../concurrency/races/message-vs-cancel.js';
import { messageVsInstanceEnd } from '../../concurrency/races/message-vs-instance-end.js';
import { messageVsTimer } from '../../concurrency/races/message-vs-timer.js';
import { multiInstanceEarly } from '../../concurrency/races/multi-instance-early.js';
import { multiInstance } from '../../concurrency/races/multi-instance.js';
import { parallelJoin } from '../../concurrency/races/parallel-join.js';
import { describeQueuedTimerRace } from '../../concurrency/races/queued-timer-vs-message.js';
import { signalVsTimer } from '../../concurrency/races/signal-vs-timer.js';
import { timerVsInstanceEnd } from '../../concurrency/races/timer-vs-instance-end.js';
import { twoMessagesTwoSubscribers } from '../../concurrency/races/two-messages-two-subscribers.js';
import { describeRace } from '../../concurrency/support/race.js';
import { nodesOnSharedStore, type BackendFactory, type NodeAdapters } from '../../concurrency/support/two-nodes.js';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

/**
 * Two nodes on one real Postgres, as in a cluster: each node has its own store and
 * queue pools on the test's own schema. The queue runs on the test's virtual clock,
 * so queued timers fire as the test moves it.
 */
const postgresBackend: BackendFactory = async ({ clock, onError }) => {
  const options = { url: postgres.url(), schema: postgres.uniqueSchema(), poolSize: 4 };
  const node = async (): Promise<NodeAdapters> => ({
    store: await createPostgresProcessStore(options),
    queue: await createPostgresJobQueue({ ...options, clock, onError }),
    bus: new InMemoryMessageBus({ clock }),
  });
  return nodesOnSharedStore(node, 'virtual');
};

describeRace(cancelVsJobCompletion, postgresBackend);
describeRace(childEndVsParentCancel('child'), postgresBackend);
describeRace(childEndVsParentCancel('parent'), postgresBackend);
describeChildStartRace(postgresBackend);
describeRace(duplicateJobCompletion, postgresBackend);
describeRace(inclusiveJoin, postgresBackend);
describeRace(jobVsBoundaryTimer, postgresBackend);
describeMessageBufferRace(postgresBackend);
describeRace(messageVsCancel, postgresBackend);
describeRace(messageVsInstanceEnd, postgresBackend);
describeRace(messageVsTimer, postgresBackend);
describeRace(multiInstanceEarly, postgresBackend);
describeRace(multiInstance, postgresBackend);
describeRace(parallelJoin, postgresBackend);
describeQueuedTimerRace(postgresBackend);
describeRace(signalVsTimer, postgresBackend);
describeRace(timerVsInstanceEnd, postgresBackend);
describeRace(twoMessagesTwoSubscribers, postgresBackend);
