import { multiInstanceEarly } from '../../concurrency/races/multi-instance-early.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(multiInstanceEarly, redisBackend);
