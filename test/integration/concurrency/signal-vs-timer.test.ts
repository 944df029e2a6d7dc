import { signalVsTimer } from '../../concurrency/races/signal-vs-timer.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(signalVsTimer, redisBackend);
