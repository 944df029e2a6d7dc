import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Handshake } from './server-spec.js';

/** Why waiting ended. `exited` carries the child's exit code or signal. */
export type ServingOutcome = { readonly kind: 'ready' } | { readonly kind: 'exited'; readonly reason: string } | { readonly kind: 'timeout' };

const attemptMs = 500;
const pauseMs = 50;

/** One try: connect to 127.0.0.1:port, send, and see whether the reply matches. */
function shakeHands(port: number, handshake: Handshake): Promise<boolean> {
  return new Promise((resolve) => {
    let received = '';
    let settled = false;
    const socket = connect({ port, host: '127.0.0.1' });
    const settle = (isReady: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(isReady);
    };
    const timer = setTimeout(() => settle(false), attemptMs);
    socket.setEncoding('utf8');
    socket.once('connect', () => {
      if (handshake.send !== undefined) socket.write(handshake.send);
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (handshake.expect.test(received)) settle(true);
    });
    socket.once('error', () => settle(false));
    socket.once('close', () => settle(false));
  });
}

/**
 * Polls until the server on 127.0.0.1:port answers the handshake (a protocol reply,
 * not just an open port), the process exits, or `timeoutMs` passes.
 * `exited` settles with a reason when the process ends.
 */
export async function waitUntilServing(
  port: number,
  handshake: Handshake,
  exited: Promise<string>,
  timeoutMs: number,
): Promise<ServingOutcome> {
  let exitReason: string | undefined;
  void exited.then((reason) => {
    exitReason = reason;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const isReady = await shakeHands(port, handshake);
    // A reply after our process died came from someone else's server on that port.
    if (exitReason !== undefined) return { kind: 'exited', reason: exitReason };
    if (isReady) return { kind: 'ready' };
    await delay(pauseMs);
  }
  return { kind: 'timeout' };
}
