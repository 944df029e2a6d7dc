export { FayeMessageBus, createFayeMessageBus, type FayeConnectionChange, type FayeMessageBusOptions } from './faye-message-bus.js';
export { createFayeServer, runFayeServer, type FayeServerOptions, type RunFayeServerOptions, type RunningFayeServer } from './faye-server.js';
export { channelRefusal, normalizeChannel } from './channel-guard.js';
export { channelToSubject, patternToChannel, subjectToChannel } from './subject-channel.js';
