import { twoMessagesTwoSubscribers } from '../../concurrency/races/two-messages-two-subscribers.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(twoMessagesTwoSubscribers, redisBackend);
