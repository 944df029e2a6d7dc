import { BatonError } from '@baton/errors';

/** Ends a `switch` over a union: a new member becomes a compile error here. */
export function assertNever(value: never): never {
  throw new BatonError('INTERNAL', `Unexpected value ${JSON.stringify(value)}; a union member is not handled.`);
}
