/**
 * Where a worker reports what it does: the pino call shape (`fields`, then `message`),
 * so a pino logger can be passed as is, without this package depending on pino.
 */
export interface WorkerLogger {
  debug?(fields: Readonly<Record<string, unknown>>, message: string): void;
  info(fields: Readonly<Record<string, unknown>>, message: string): void;
  warn(fields: Readonly<Record<string, unknown>>, message: string): void;
  error(fields: Readonly<Record<string, unknown>>, message: string): void;
}

/** The default: warnings and errors to the console, the rest dropped. */
export const consoleLogger: WorkerLogger = {
  info: () => undefined,
  warn: (fields, message) => console.warn(`[baton worker] ${message}`, fields),
  error: (fields, message) => console.error(`[baton worker] ${message}`, fields),
};

/** A logger that drops everything. */
export const silentLogger: WorkerLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
