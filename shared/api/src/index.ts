export * from './common.js';
export * from './operation.js';
export * from './jobs.js';
