import { cancelVsJobCompletion } from '../../concurrency/races/cancel-vs-job-completion.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(cancelVsJobCompletion, redisBackend);
