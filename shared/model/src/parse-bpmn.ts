import { buildProcess, type UnresolvedRefs } from './build-process.js';
import { problem, type BuildContext } from './context.js';
import type { DefinitionsResult, ModelProblem, ProcessDefinition, Scope } from './definition.js';
import type { ProcessDraft } from './draft.js';
import { deepFreeze } from './freeze.js';
import { attr, BPMN_NS, chooseFlavour, children, extensionsOf, readXml, type Flavour, type ModdleElement } from './moddle.js';
import { readWarnings, rootCausesFirst } from './read-warnings.js';

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
  const findings = readWarnings(xml, read.warnings);
  const problems: ModelProblem[] = [...findings.problems];
  const { unresolved } = findings;
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
  return { processes, problems: rootCausesFirst(problems, findings) };
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
  const marked = node.get('isExecutable');
  const ctx: BuildContext = { processId, flavour: file.flavour, problems: [], userTaskForms: readUserTaskForms(node) };
  if (marked !== true && file.options.allowNonExecutable !== true && file.hasExecutable) {
    const skipped = `process "${processId}" is not executable and was skipped; the file's executable processes are deployed (pass allowNonExecutable to deploy it too)`;
    file.problems.push(problem('NOT_EXECUTABLE', processId, processId, skipped, 'warning'));
    return undefined;
  }
  // Camunda 7 and Flowable run a process that does not say (issue 16); only isExecutable="false" is refused.
  const isExecutable = marked !== false;
  if (marked === undefined) {
    const unmarked = `process "${processId}" has no isExecutable attribute; it is deployed as executable, as Camunda 7 and Flowable do (add isExecutable="true" to say so)`;
    ctx.problems.push(problem('NOT_EXECUTABLE', processId, processId, unmarked, 'warning'));
  } else if (marked === false && file.options.allowNonExecutable !== true) {
    ctx.problems.push(
      problem('NOT_EXECUTABLE', processId, processId, `process "${processId}" is marked isExecutable="false"; set isExecutable="true", or deploy it anyway with allowNonExecutable (--allow-non-executable)`, 'error'),
    );
  }
  const draft = buildProcess(ctx, node, file.unresolved);
  file.problems.push(...ctx.problems);
  if (ctx.problems.some((p) => p.severity === 'error')) return undefined;
  const name = attr(node, 'name') ?? file.participantNames.get(processId);
  return toDefinition(draft, { ...(name === undefined ? {} : { name }), version: file.options.version ?? 1, isExecutable });
}

function toDefinition(draft: ProcessDraft, extra: { name?: string; version: number; isExecutable: boolean }): ProcessDefinition {
  const scopes = Object.create(null) as Record<string, Scope>;
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
