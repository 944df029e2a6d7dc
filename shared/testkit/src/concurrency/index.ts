export {
  createRaceController,
  settle,
  type CommitMatch,
  type CommitOutcome,
  type CommitPause,
  type CommitRecord,
  type HeldCommit,
  type HeldOperation,
  type RaceController,
  type Settled,
} from './race-controller.js';
