import type { FlowElement, Scope, SequenceFlow } from './definition.js';
import type { ModdleElement } from './moddle.js';

/** A flow element while the process is being built: arrays still growable, frozen at the end. */
export type DraftElement = FlowElement & {
  readonly incoming: string[];
  readonly outgoing: string[];
  readonly boundaryEventIds: string[];
};

export interface DraftScope extends Scope {
  readonly childIds: string[];
  readonly eventSubprocessIds: string[];
  noneStartId?: string;
  /** True for an event subprocess (its start events are typed). */
  readonly isEventSubprocess: boolean;
}

/** A sequence flow as read, before its ends are checked. */
export interface RawFlow {
  readonly node: ModdleElement;
  readonly scopeId: string;
}

/** Everything gathered for one process before validation and freezing. */
export interface ProcessDraft {
  readonly processId: string;
  readonly elements: Record<string, DraftElement>;
  readonly flows: Record<string, SequenceFlow>;
  readonly scopes: Record<string, DraftScope>;
  readonly startEventIds: string[];
  readonly linkTargets: Record<string, string>;
  /** The moddle node of each element, for checks that need the source. */
  readonly nodes: Map<string, ModdleElement>;
  readonly rawFlows: RawFlow[];
}

export function emptyDraft(processId: string): ProcessDraft {
  return {
    processId,
    // Maps by model id have no prototype: an id such as "__proto__" or "constructor" is just a key (found by fuzzing, issue 12).
    elements: Object.create(null) as ProcessDraft['elements'],
    flows: Object.create(null) as ProcessDraft['flows'],
    scopes: Object.create(null) as ProcessDraft['scopes'],
    startEventIds: [],
    linkTargets: Object.create(null) as ProcessDraft['linkTargets'],
    nodes: new Map(),
    rawFlows: [],
  };
}
