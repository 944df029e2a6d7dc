import { signalVsTimer } from './races/signal-vs-timer.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(signalVsTimer, memoryBackend);
