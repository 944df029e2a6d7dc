import { duplicateJobCompletion } from './races/duplicate-job-completion.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(duplicateJobCompletion, memoryBackend);
