import { describeQueuedTimerRace } from './races/queued-timer-vs-message.js';
import { memoryBackend } from './support/two-nodes.js';

describeQueuedTimerRace(memoryBackend);
