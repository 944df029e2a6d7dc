import { describeMessageBufferRace } from '../../concurrency/races/message-buffer-vs-subscription.js';
import { redisBackend } from './redis-backend.js';

describeMessageBufferRace(redisBackend);
