import { describeChildStartRace } from './races/child-start-vs-parent-cancel.js';
import { memoryBackend } from './support/two-nodes.js';

describeChildStartRace(memoryBackend);
