import { Writable } from 'node:stream';
import pino from 'pino';

/** One pino line as a test reads it. */
export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** A pino logger (level debug) whose lines a test reads. */
export function capturedLogger(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

/** Lets pino's stream write settle. */
export const flushed = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
