export { serveBusApi, answerBusRequest, busApiSubject, type BusApi, type ServeBusApiOptions } from './serve-bus-api.js';
export { busApiVersion, readBusApiRequest, type BusApiReply, type BusApiRequest } from './bus-api-protocol.js';
export { busOperations, type BusOperation } from './bus-operations.js';
