import { messageVsTimer } from '../../concurrency/races/message-vs-timer.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(messageVsTimer, redisBackend);
