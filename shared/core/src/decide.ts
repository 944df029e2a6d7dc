import { withExpressionLimits, type ExpressionLimits } from '@baton/feel';
import type { ProcessDefinition } from '@baton/model';
import { assertNever } from './assert-never.js';
import { createInstance } from './commands/create-instance.js';
import { assignUserTask, completeUserTask, updateUserTask } from './commands/user-task-commands.js';
import { completeJob, failJob, throwError, updateJob } from './commands/job-commands.js';
import { cancelInstance, completeCallActivity, resolveIncident } from './commands/other-commands.js';
import { rejection } from './commands/rejection.js';
import { setVariables } from './commands/set-variables.js';
import { migrateInstance } from './commands/migrate-instance.js';
import { modifyInstance } from './commands/modify-instance.js';
import { refuseReservedVariableNames } from './commands/variable-names.js';
import { correlateMessage, fireTimer, triggerSignal } from './commands/trigger-commands.js';
import { createCtx, type Ctx, type ShellHooks } from './context.js';
import { behaviorOf } from './elements/registry.js';
import { maxStepsPerCommand, runAgenda, StepLimitExceeded } from './engine.js';
import { KeySpaceExhausted } from './keys.js';
import { asState, draftOf } from './state/records.js';
import type { Command } from './types/commands.js';
import type { Decision, Rejection } from './types/decision.js';
import type { InstanceEvent } from './types/events.js';
import type { InstanceState } from './types/state.js';
import type { DecisionLookup } from './types/deployed-decision.js';

type Handled = Exclude<Command, { type: 'CreateInstance' }>;

function handle(ctx: Ctx, command: Handled): Rejection | undefined {
  switch (command.type) {
    case 'CompleteJob':
      return completeJob(ctx, command);
    case 'FailJob':
      return failJob(ctx, command);
    case 'UpdateJob':
      return updateJob(ctx, command);
    case 'ThrowError':
      return throwError(ctx, command);
    case 'CompleteUserTask':
      return completeUserTask(ctx, command);
    case 'AssignUserTask':
      return assignUserTask(ctx, command);
    case 'UpdateUserTask':
      return updateUserTask(ctx, command);
    case 'FireTimer':
      return fireTimer(ctx, command);
    case 'CorrelateMessage':
      return correlateMessage(ctx, command);
    case 'TriggerSignal':
      return triggerSignal(ctx, command);
    case 'CancelInstance':
      return cancelInstance(ctx, command);
    case 'ResolveIncident':
      return resolveIncident(ctx, command);
    case 'CompleteCallActivity':
      return completeCallActivity(ctx, command);
    case 'SetVariables':
      return setVariables(ctx, command);
    case 'ModifyInstance':
      return modifyInstance(ctx, command);
    case 'MigrateInstance':
      return migrateInstance(ctx, command);
    default:
      return assertNever(command);
  }
}

/** Configuration of the node that decides; the same options give the same decision. */
export interface DecideOptions {
  /** Bounds on each expression evaluation (counts, never time); a hit is an incident on the element (#12). */
  readonly expressionLimits?: ExpressionLimits;
  /**
   * Mints a fresh instance key (from the shell's reserved block) for each child
   * instance a call activity starts; its keys are recorded in the events, so a replay
   * needs none. Without it (core tests) a child takes the parent's next key.
   */
  readonly newInstanceKey?: () => string;
  /**
   * The latest deployed DMN decisions, by decision id, for business rule tasks that
   * call one (issue 16). Without it such a task raises an incident (no decision deployed).
   */
  readonly decisions?: DecisionLookup;
}

/**
 * Decide what a command does to an instance: the events (folded into the returned
 * state with the same fold as `evolve`) and the effects for the shell to run after
 * it commits. Pure and deterministic: time is `command.at`, new keys derive from
 * `state.seq`. A command that does not apply is a rejection; the state is unchanged.
 */
export function decide(
  state: InstanceState | undefined,
  command: Command,
  definition: ProcessDefinition,
  options: DecideOptions = {},
): Decision<InstanceEvent> {
  try {
    return withExpressionLimits(options.expressionLimits, () => decideUnder(state, command, definition, { newInstanceKey: options.newInstanceKey, decisions: options.decisions }));
  } catch (err) {
    if (!(err instanceof KeySpaceExhausted)) throw err;
    return { ok: false, rejection: rejection('KEY_SPACE_EXHAUSTED', `${err.message} Start a new instance to continue the work.`, { instanceId: err.instanceKey }) };
  }
}

function decideUnder(state: InstanceState | undefined, command: Command, definition: ProcessDefinition, hooks: ShellHooks): Decision<InstanceEvent> {
  const badName = refuseReservedVariableNames(command);
  if (badName !== undefined) return { ok: false, rejection: badName };
  if (command.type === 'CreateInstance') {
    if (state !== undefined) {
      return { ok: false, rejection: rejection('STALE_COMMAND', `Instance '${command.instanceId}' already exists; choose a new instance id.`, { instanceId: command.instanceId }) };
    }
    const created = createInstance(command, definition, hooks);
    if ('code' in created) return { ok: false, rejection: created };
    return finish(created);
  }
  if (state === undefined) {
    return { ok: false, rejection: rejection('INSTANCE_NOT_FOUND', `No process instance exists for command '${command.type}'.`, { commandId: command.commandId }) };
  }
  if (state.status !== 'active') {
    const message = `Instance '${state.instanceId}' has already ${state.status === 'completed' ? 'completed' : 'been terminated'}; '${command.type}' no longer applies.`;
    return { ok: false, rejection: rejection('INSTANCE_NOT_ACTIVE', message, { instanceId: state.instanceId, status: state.status }) };
  }
  // A migration decides on its target definition; every other command on the instance's own.
  const expectedKey = command.type === 'MigrateInstance' ? command.targetDefinitionKey : state.definitionKey;
  if (expectedKey !== definition.definitionKey) {
    const message = `Instance '${state.instanceId}' runs definition '${state.definitionKey}', but '${definition.definitionKey}' was given.`;
    return { ok: false, rejection: rejection('VALIDATION_FAILED', message, { instanceId: state.instanceId, definitionKey: definition.definitionKey }) };
  }
  const ctx = createCtx(draftOf(state), command.at, definition, behaviorOf, hooks);
  const refused = handle(ctx, command);
  if (refused !== undefined) return { ok: false, rejection: refused };
  return finish(ctx);
}

function finish(ctx: Ctx): Decision<InstanceEvent> {
  try {
    runAgenda(ctx);
  } catch (err) {
    if (!(err instanceof StepLimitExceeded)) throw err;
    const message =
      `The command ran more than ${maxStepsPerCommand} element steps without reaching a wait state (last at "${err.elementId}"): ` +
      'the model loops through gateways or pass-through activities with no task, timer or message to wait at. Add a wait state or an exit condition to the loop.';
    return { ok: false, rejection: rejection('STEP_LIMIT_EXCEEDED', message, { elementId: err.elementId, processId: ctx.definition.processId }) };
  }
  return { ok: true, state: asState(ctx.draft), events: ctx.events, effects: ctx.effects };
}
