import { messageVsTimer } from './races/message-vs-timer.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(messageVsTimer, memoryBackend);
