import { messageVsInstanceEnd } from './races/message-vs-instance-end.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(messageVsInstanceEnd, memoryBackend);
