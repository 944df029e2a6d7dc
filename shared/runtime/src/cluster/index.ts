export { storeCapability, subjectToken, clusterSubjects, type ClusterSubjects } from './subjects.js';
export { PeerView, toAnnouncement, type NodeAnnouncement, type PeerInfo } from './peer-view.js';
export { joinCluster, type ClusterMembership, type ClusterMembershipOptions } from './membership.js';
export {
  createHandOffWorker,
  serveCapabilities,
  type HandOffJobRequest,
  type HandOffJobReply,
  type HandOffWorkerOptions,
  type ServeCapabilitiesOptions,
} from './hand-off.js';
export { startHandOffRelay, type HandOffRelay, type HandOffRelayOptions } from './hand-off-relay.js';
