export * from './common.js';
export * from './operation.js';
export * from './jobs.js';
export * from './element-instances.js';
export * from './variables.js';
export * from './incidents.js';
export * from './process-instances.js';
export * from './identity.js';
