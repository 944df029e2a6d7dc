import { multiInstance } from './races/multi-instance.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(multiInstance, memoryBackend);
