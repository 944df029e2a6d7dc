import { Option, type Command } from 'commander';
import { BatonError } from '@baton/errors';

/** Process variables as the API takes them. */
export type Variables = Record<string, unknown>;

/** The flags that carry variables: `--variables JSON` then each `--var k=v` over it. */
export interface VariableFlags {
  readonly var?: readonly string[];
  readonly variables?: string;
}

const collect = (value: string, previous: readonly string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds `--var k=v` (repeatable) and `--variables JSON` to a command. */
export function withVariableOptions(command: Command, what: string): Command {
  return command
    .addOption(new Option('--var <name=value>', `a variable ${what} (repeatable); value is JSON when valid JSON, else a string`).argParser(collect))
    .option('--variables <json>', `a JSON object of variables ${what}; --var entries override it`);
}

/** `v` as JSON when it is valid JSON (`150`, `true`, `{"a":1}`, `"quoted"`), else the text itself. */
export function parseVarValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseVar(entry: string): [string, unknown] {
  const at = entry.indexOf('=');
  if (at <= 0) {
    throw new BatonError('VALIDATION_FAILED', `--var expects name=value (e.g. --var amount=150), got "${entry}".`, { field: 'var' });
  }
  return [entry.slice(0, at), parseVarValue(entry.slice(at + 1))];
}

function parseObject(json: string): Variables {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new BatonError('VALIDATION_FAILED', `--variables expects a JSON object, e.g. '{"amount":150}': ${(error as Error).message}.`, { field: 'variables' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BatonError('VALIDATION_FAILED', `--variables expects a JSON object, e.g. '{"amount":150}', got ${json}.`, { field: 'variables' });
  }
  return parsed as Variables;
}

/**
 * The variables the flags give: `--variables` first, then every `--var` over it.
 * Throws VALIDATION_FAILED (naming the flag) on a malformed entry.
 */
export function variablesOf(flags: VariableFlags): Variables {
  const variables: Variables = flags.variables === undefined ? {} : parseObject(flags.variables);
  for (const entry of flags.var ?? []) {
    const [name, value] = parseVar(entry);
    variables[name] = value;
  }
  return variables;
}

const durationPattern = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * A time to live in ms from an ISO 8601 duration (`PT1H`, `P1DT30M`, `PT0.5S`) or a
 * plain number of milliseconds. Throws VALIDATION_FAILED naming `--ttl` otherwise.
 */
export function parseTtlMs(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const match = durationPattern.exec(text.toUpperCase());
  if (match === null || text.length <= 2 || /T$/i.test(text)) {
    throw new BatonError('VALIDATION_FAILED', `--ttl expects an ISO 8601 duration (PT1H, PT30S, P1D) or milliseconds, got "${text}".`, { field: 'ttl' });
  }
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  return Math.round((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
}
