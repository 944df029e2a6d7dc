/*
 * The two timer globals the system clock needs. The package compiles without DOM or
 * Node types (it is isomorphic); every other use of time goes through the Clock port.
 */
declare function setTimeout(handler: () => void, timeoutMs?: number): unknown;
declare function clearTimeout(handle: unknown): void;
