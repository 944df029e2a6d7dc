import { jobVsBoundaryTimer } from '../../concurrency/races/job-vs-boundary-timer.js';
import { describeRace } from '../../concurrency/support/race.js';
import { redisBackend } from './redis-backend.js';

describeRace(jobVsBoundaryTimer, redisBackend);
