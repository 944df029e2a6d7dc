import { messageVsInstanceEnd } from '../../concurrency/races/message-vs-instance-end.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(messageVsInstanceEnd, redisBackend);
