import { cancelVsJobCompletion } from './races/cancel-vs-job-completion.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(cancelVsJobCompletion, memoryBackend);
