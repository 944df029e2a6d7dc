import { duplicateJobCompletion } from '../../concurrency/races/duplicate-job-completion.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(duplicateJobCompletion, redisBackend);
