import { twoMessagesTwoSubscribers } from './races/two-messages-two-subscribers.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(twoMessagesTwoSubscribers, memoryBackend);
