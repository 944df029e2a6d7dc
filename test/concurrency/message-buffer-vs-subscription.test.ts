import { describeMessageBufferRace } from './races/message-buffer-vs-subscription.js';
import { memoryBackend } from './support/two-nodes.js';

describeMessageBufferRace(memoryBackend);
