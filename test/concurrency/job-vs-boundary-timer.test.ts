import { jobVsBoundaryTimer } from './races/job-vs-boundary-timer.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(jobVsBoundaryTimer, memoryBackend);
