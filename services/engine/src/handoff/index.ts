export { registerApiHandOff, serveApiHandOff, handledByHeader, type ApiHandOffOptions, type ServeApiHandOffOptions } from './api-hand-off.js';
export { requiredCapability } from './required-capability.js';
export { createNodeCluster, type NodeCluster, type NodeClusterOptions, type ServerCluster } from './node-cluster.js';
export { unservedJobs, type UnservedJobs } from './unserved-jobs.js';
export { createEdgeEngineApi } from './edge-engine-api.js';
