import { multiInstanceEarly } from './races/multi-instance-early.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(multiInstanceEarly, memoryBackend);
