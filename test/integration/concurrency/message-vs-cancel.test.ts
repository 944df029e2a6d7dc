import { messageVsCancel } from '../../concurrency/races/message-vs-cancel.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(messageVsCancel, redisBackend);
