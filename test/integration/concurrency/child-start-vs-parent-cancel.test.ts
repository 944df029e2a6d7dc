import { describeChildStartRace } from '../../concurrency/races/child-start-vs-parent-cancel.js';
import { redisBackend } from './redis-backend.js';

describeChildStartRace(redisBackend);
