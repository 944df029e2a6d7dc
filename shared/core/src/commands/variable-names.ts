import type { Command, Variables } from '../types/commands.js';
import type { Rejection } from '../types/decision.js';
import { rejection } from './rejection.js';

/** The variables a command would write, wherever the command carries them. */
function variablesOf(command: Command): Variables | undefined {
  if (command.type === 'CompleteCallActivity') return 'variables' in command.outcome ? command.outcome.variables : undefined;
  return 'variables' in command ? command.variables : undefined;
}

/**
 * Refuses a command that would write a variable named `__proto__`. Variable scopes
 * are plain objects merged by assignment, where that name sets the object's
 * prototype instead of a key: the variable would vanish and its fields would show
 * through as inherited ones, which no store keeps (found by fuzzing, issue 12).
 */
export function refuseReservedVariableNames(command: Command): Rejection | undefined {
  const variables = variablesOf(command);
  if (variables === undefined || !Object.hasOwn(variables, '__proto__')) return undefined;
  const message = `Expected variable names a process can keep, but '${command.type}' sets a variable named "__proto__"; rename that variable.`;
  return rejection('VALIDATION_FAILED', message, { field: '__proto__', commandId: command.commandId });
}
