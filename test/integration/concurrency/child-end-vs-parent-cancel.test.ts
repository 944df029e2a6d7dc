import { childEndVsParentCancel } from '../../concurrency/races/child-end-vs-parent-cancel.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(childEndVsParentCancel('child'), redisBackend);
describeRace(childEndVsParentCancel('parent'), redisBackend);
