import type { ProcessDefinition } from '@baton/model';
import { createCtx, emit, nextKey, type Ctx, type ShellHooks } from '../context.js';
import { activateElement } from '../elements/common/flow.js';
import { setLocal } from '../elements/common/variables.js';
import { behaviorOf } from '../elements/registry.js';
import { openEventSubprocessWaits } from '../elements/containers/event-subprocess.js';
import { applyEvent } from '../state/apply.js';
import { ROOT } from '../state/records.js';
import type { CreateInstance } from '../types/commands.js';
import type { Rejection } from '../types/decision.js';
import type { InstanceCreated } from '../types/events.js';
import { rejection } from './rejection.js';

/**
 * Create an instance: root variables, the process's event subprocess waits, then
 * the start event (the none start event unless `startElementId` names another).
 */
export function createInstance(command: CreateInstance, definition: ProcessDefinition, hooks: ShellHooks = {}): Ctx | Rejection {
  const startId = command.startElementId ?? definition.scopes[definition.processId]?.noneStartId;
  const start = startId === undefined ? undefined : definition.elements[startId];
  if (startId === undefined || start?.type !== 'startEvent' || start.scopeId !== definition.processId) {
    return rejection(
      'VALIDATION_FAILED',
      startId === undefined
        ? `Process '${definition.processId}' has no none start event; name the start event to start at.`
        : `Expected '${startId}' to be a start event of process '${definition.processId}', but it is not.`,
      { processId: definition.processId, elementId: startId },
    );
  }
  const created: InstanceCreated = {
    type: 'InstanceCreated',
    instanceId: command.instanceId,
    at: command.at,
    processId: definition.processId,
    definitionKey: definition.definitionKey,
    ...(command.parent === undefined ? {} : { parent: command.parent }),
  };
  const ctx = createCtx(applyEvent(undefined, created), command.at, definition, behaviorOf, hooks);
  ctx.events.push(created);
  setLocal(ctx, ROOT, command.variables);
  const opened = openEventSubprocessWaits(ctx, definition.processId, command.instanceId, command.variables);
  if (!opened.ok) {
    const incidentKey = nextKey(ctx);
    const base = { elementId: startId, elementInstanceId: command.instanceId, incidentKey };
    emit(ctx, { type: 'IncidentRaised', ...base, errorType: 'EXPRESSION_FAILED', errorMessage: opened.message, step: 'activate' });
  }
  activateElement(ctx, startId, undefined);
  return ctx;
}
