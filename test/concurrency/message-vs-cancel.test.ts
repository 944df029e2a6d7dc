import { messageVsCancel } from './races/message-vs-cancel.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(messageVsCancel, memoryBackend);
