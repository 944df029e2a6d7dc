export { NatsMessageBus, createNatsMessageBus, type NatsConnectionChange, type NatsMessageBusOptions } from './nats-message-bus.js';
