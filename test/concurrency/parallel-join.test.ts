import { parallelJoin } from './races/parallel-join.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(parallelJoin, memoryBackend);
