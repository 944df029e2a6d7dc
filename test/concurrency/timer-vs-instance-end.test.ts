import { timerVsInstanceEnd } from './races/timer-vs-instance-end.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(timerVsInstanceEnd, memoryBackend);
