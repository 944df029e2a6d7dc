import { buildProcess, type UnresolvedRefs } from './build-process.js';
import { problem, type BuildContext } from './context.js';
import type { DefinitionsResult, ModelProblem, ProcessDefinition, Scope } from './definition.js';
import type { ProcessDraft } from './draft.js';
import { deepFreeze } from './freeze.js';
import { attr, chooseFlavour, children, describeModdleMessage, extensionsOf, readXml, type Flavour, type ModdleElement, type ReadWarning } from './moddle.js';

const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Options of {@link parseBpmn}. */
export interface ParseOptions {
  /** Build processes marked `isExecutable="false"` (or unmarked) instead of refusing them with NOT_EXECUTABLE. */
  readonly allowNonExecutable?: boolean;
  /** Deployment version, part of `definitionKey`; default 1. */
  readonly version?: number;
}

/**
 * Reads BPMN 2.0 XML (Zeebe, Camunda 7 or plain) into executable process definitions.
 *
 * Never throws for bad input: every problem found is in `problems`, each with a
 * stable code, the element, and what to do. `processes` holds only the processes
 * without an error-severity problem of their own; a deployment should be refused
 * when any problem has severity `error`. The result is deeply frozen.
 */
export async function parseBpmn(xml: string, options: ParseOptions = {}): Promise<DefinitionsResult> {
  try {
    return deepFreeze(await parse(xml, options));
  } catch (err) {
    // A bug in the mapping must still end as a problem, not a crashed deployment.
    const reason = err instanceof Error ? err.message : String(err);
    return deepFreeze({ processes: [], problems: [problem('XML_INVALID', undefined, undefined, `the model could not be read: ${reason}; please report this model`, 'error')] });
  }
}

async function parse(xml: string, options: ParseOptions): Promise<DefinitionsResult> {
  if (typeof xml !== 'string' || xml.trim() === '') {
    return { processes: [], problems: [problem('XML_INVALID', undefined, undefined, 'the model is empty; pass the BPMN XML text', 'error')] };
  }
  const flavour = chooseFlavour(xml);
  const read = await readXml(xml, flavour);
  if (!read.ok) {
    const hint = /unexpected element <[\w.-]*:?definitions>/.test(read.message) ? `; BPMN 2.0 files use the namespace ${BPMN_NS}` : '';
    return { processes: [], problems: [problem('XML_INVALID', undefined, undefined, `the file is not readable BPMN XML: ${read.message}${hint}`, 'error')] };
  }
  const problems: ModelProblem[] = [];
  const unresolved = classifyWarnings(read.warnings, problems);
  const processNodes = children(read.definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Process');
  const participantNames = readParticipantNames(read.definitions);
  const processes: ProcessDefinition[] = [];
  // Camunda's rule: in a file with an executable process, the other pools are documentation.
  const hasExecutable = processNodes.some((node) => node.get('isExecutable') === true && children(node, 'flowElements').length > 0);
  for (const node of processNodes) {
    const built = buildOne(node, { flavour, options, unresolved, participantNames, problems, hasExecutable });
    if (built) processes.push(built);
  }
  const hasFlow = processNodes.some((node) => children(node, 'flowElements').length > 0);
  if (!hasFlow) {
    problems.push(problem('NO_PROCESS', undefined, undefined, 'the file contains no process with flow elements; model a <bpmn:process> with a start event', 'error'));
  }
  return { processes, problems };
}

interface FileContext {
  readonly flavour: Flavour;
  readonly options: ParseOptions;
  readonly unresolved: UnresolvedRefs;
  readonly participantNames: ReadonlyMap<string, string>;
  readonly problems: ModelProblem[];
  /** Some process of the file is executable: non-executable ones are skipped with a warning. */
  readonly hasExecutable: boolean;
}

/** Builds one process; undefined when it is empty or has an error of its own. */
function buildOne(node: ModdleElement, file: FileContext): ProcessDefinition | undefined {
  const processId = node.id ?? '';
  // An empty pool (a black-box participant) is documentation, not a process.
  if (children(node, 'flowElements').length === 0) return undefined;
  const isExecutable = node.get('isExecutable') === true;
  const ctx: BuildContext = { processId, flavour: file.flavour, problems: [], userTaskForms: readUserTaskForms(node) };
  if (!isExecutable && file.options.allowNonExecutable !== true && file.hasExecutable) {
    const skipped = `process "${processId}" is not executable and was skipped; the file's executable processes are deployed (pass allowNonExecutable to deploy it too)`;
    file.problems.push(problem('NOT_EXECUTABLE', processId, processId, skipped, 'warning'));
    return undefined;
  }
  if (!isExecutable && file.options.allowNonExecutable !== true) {
    const marked = node.get('isExecutable') === false ? 'is marked isExecutable="false"' : 'has no isExecutable="true"';
    ctx.problems.push(
      problem('NOT_EXECUTABLE', processId, processId, `process "${processId}" ${marked}; set isExecutable="true", or deploy it anyway with allowNonExecutable (--allow-non-executable)`, 'error'),
    );
  }
  const draft = buildProcess(ctx, node, file.unresolved);
  file.problems.push(...ctx.problems);
  if (ctx.problems.some((p) => p.severity === 'error')) return undefined;
  const name = attr(node, 'name') ?? file.participantNames.get(processId);
  return toDefinition(draft, { ...(name === undefined ? {} : { name }), version: file.options.version ?? 1, isExecutable });
}

function toDefinition(draft: ProcessDraft, extra: { name?: string; version: number; isExecutable: boolean }): ProcessDefinition {
  const scopes: Record<string, Scope> = {};
  for (const scope of Object.values(draft.scopes)) {
    scopes[scope.scopeId] = {
      scopeId: scope.scopeId,
      ...(scope.parentScopeId === undefined ? {} : { parentScopeId: scope.parentScopeId }),
      childIds: scope.childIds,
      ...(scope.noneStartId === undefined ? {} : { noneStartId: scope.noneStartId }),
      eventSubprocessIds: scope.eventSubprocessIds,
    };
  }
  return {
    processId: draft.processId,
    ...(extra.name === undefined ? {} : { name: extra.name }),
    definitionKey: `${draft.processId}:${extra.version}`,
    version: extra.version,
    isExecutable: extra.isExecutable,
    elements: draft.elements,
    flows: draft.flows,
    scopes,
    startEventIds: draft.startEventIds,
    linkTargets: draft.linkTargets,
  };
}

/** `zeebe:userTaskForm` bodies (form-js JSON) by form id. */
function readUserTaskForms(process: ModdleElement): Map<string, string> {
  const forms = new Map<string, string>();
  for (const form of extensionsOf(process, 'zeebe:UserTaskForm')) {
    const id = attr(form, 'id');
    const body = attr(form, 'body');
    if (id !== undefined && body !== undefined) forms.set(id, body);
  }
  return forms;
}

function readParticipantNames(definitions: ModdleElement): Map<string, string> {
  const names = new Map<string, string>();
  for (const collaboration of children(definitions, 'rootElements')) {
    for (const participant of children(collaboration, 'participants')) {
      const processId = (participant.get('processRef') as ModdleElement | undefined)?.id;
      const name = attr(participant, 'name');
      if (processId !== undefined && name !== undefined) names.set(processId, name);
    }
  }
  return names;
}

/** References the flow checks resolve themselves, naming the broken flow or boundary event. */
const flowReferences = new Set(['bpmn:sourceRef', 'bpmn:targetRef', 'bpmn:attachedToRef']);

/** Broken references that change what runs; others (lanes, data) only warn. */
const behaviourReferences = new Set(['bpmn:messageRef', 'bpmn:signalRef', 'bpmn:errorRef', 'bpmn:escalationRef', 'bpmn:default']);

/** Turns moddle warnings into problems; returns the unresolved ids the flow checks need. */
function classifyWarnings(warnings: readonly ReadWarning[], problems: ModelProblem[]): UnresolvedRefs {
  const unresolved = new Map<ModdleElement, Map<string, string>>();
  for (const warning of warnings) {
    const duplicate = /duplicate ID <([^>]*)>/.exec(warning.message);
    if (duplicate) {
      const id = duplicate[1] ?? '';
      problems.push(problem('DUPLICATE_ID', id, undefined, `id "${id}" is used by more than one element; ids must be unique in a file: rename one`, 'error'));
      continue;
    }
    const { element, property, value } = warning;
    if (element && property !== undefined && value !== undefined && warning.message.startsWith('unresolved reference')) {
      classifyUnresolved(element, property, value, unresolved, problems);
      continue;
    }
    problems.push(problem('XML_INVALID', undefined, undefined, `ignored part of the file: ${describeModdleMessage(warning.message)}`, 'warning'));
  }
  return unresolved;
}

function classifyUnresolved(element: ModdleElement, property: string, value: string, unresolved: Map<ModdleElement, Map<string, string>>, problems: ModelProblem[]): void {
  if (flowReferences.has(property)) {
    const byProperty = unresolved.get(element) ?? new Map<string, string>();
    byProperty.set(property, value);
    unresolved.set(element, byProperty);
    return;
  }
  if (/^(bpmndi|di|dc):/.test(element.$type)) return; // diagram shapes of missing elements change nothing
  const owner = ownerOf(element);
  const severity = behaviourReferences.has(property) ? 'error' : 'warning';
  problems.push(
    problem('MISSING_REFERENCE', owner.elementId, owner.processId, `${property} "${value}" of "${owner.elementId ?? element.$type}" points to no element; fix the reference or add the element`, severity),
  );
}

/** The nearest ancestor with an id (an event for its event definition) and its process. */
function ownerOf(element: ModdleElement): { elementId?: string; processId?: string } {
  let elementId: string | undefined;
  let processId: string | undefined;
  for (let current: ModdleElement | undefined = element; current; current = current.$parent) {
    if (elementId === undefined && current.id !== undefined && !current.$type.endsWith('EventDefinition')) elementId = current.id;
    if (current.$type === 'bpmn:Process') processId = current.id;
  }
  return { ...(elementId === undefined ? {} : { elementId }), ...(processId === undefined ? {} : { processId }) };
}
