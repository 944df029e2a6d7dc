import { multiInstance } from '../../concurrency/races/multi-instance.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(multiInstance, redisBackend);
