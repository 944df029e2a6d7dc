import { inclusiveJoin } from './races/inclusive-join.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(inclusiveJoin, memoryBackend);
