import { parallelJoin } from '../../concurrency/races/parallel-join.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(parallelJoin, redisBackend);
