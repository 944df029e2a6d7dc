import { timerVsInstanceEnd } from '../../concurrency/races/timer-vs-instance-end.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(timerVsInstanceEnd, redisBackend);
