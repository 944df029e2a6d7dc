import { describeQueuedTimerRace } from '../../concurrency/races/queued-timer-vs-message.js';
import { redisBackend } from './redis-backend.js';

describeQueuedTimerRace(redisBackend);
