import { randomUUID } from 'node:crypto';
import { connect, ErrorCode, StringCodec, type NatsConnection } from 'nats';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';

const codec = StringCodec();
/** A bound on a broken server, not a timing assertion. */
const requestTimeoutMs = 5_000;

describe('NATS on the provided server', () => {
  let nc: NatsConnection;
  let subjects: string;

  beforeEach(async () => {
    nc = await connect({ servers: inject('natsUrl') });
    subjects = `baton.test.${randomUUID()}`;
  });

  afterEach(async () => {
    await nc.close();
  });

  it('answers a request on a subject that has a responder', async () => {
    // given
    const subject = `${subjects}.echo`;
    const responder = nc.subscribe(subject, {
      callback: (error, msg) => {
        if (error === null) msg.respond(codec.encode(`echo:${codec.decode(msg.data)}`));
      },
    });
    await nc.flush();
    try {
      // when
      const reply = await nc.request(subject, codec.encode('ping'), { timeout: requestTimeoutMs });

      // then
      expect(codec.decode(reply.data)).toBe('echo:ping');
    } finally {
      responder.unsubscribe();
    }
  });

  it('rejects a request to a subject nobody serves with the no-responders code', async () => {
    // given
    const subject = `${subjects}.nobody`;

    // when
    const outcome = await nc.request(subject, codec.encode('ping'), { timeout: requestTimeoutMs }).then(
      () => 'replied',
      (error: unknown) => error,
    );

    // then
    expect(outcome).toMatchObject({ code: ErrorCode.NoResponders });
  });
});
