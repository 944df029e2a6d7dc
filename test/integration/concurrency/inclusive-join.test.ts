import { inclusiveJoin } from '../../concurrency/races/inclusive-join.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(inclusiveJoin, redisBackend);
