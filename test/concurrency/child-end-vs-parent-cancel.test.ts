import { childEndVsParentCancel } from './races/child-end-vs-parent-cancel.js';
import { describeRace } from './support/race.js';
import { memoryBackend } from './support/two-nodes.js';

describeRace(childEndVsParentCancel('child'), memoryBackend);
describeRace(childEndVsParentCancel('parent'), memoryBackend);
