import type { UnresolvedRefs } from './build-process.js';
import { problem } from './context.js';
import type { ModelProblem } from './definition.js';
import { BPMN_NS, describeModdleMessage, parseModdleMessage, prefixesOf, type ModdleElement, type ReadWarning } from './moddle.js';

/** References the flow checks resolve themselves, naming the broken flow or boundary event. */
const flowReferences = new Set(['bpmn:sourceRef', 'bpmn:targetRef', 'bpmn:attachedToRef']);

/** Broken references that change what runs; others (lanes, data) only warn. */
const behaviourReferences = new Set(['bpmn:messageRef', 'bpmn:signalRef', 'bpmn:errorRef', 'bpmn:escalationRef', 'bpmn:default', 'bpmn:activityRef']);

/** An element moddle left out of the tree (unknown type, illegal id): the root cause of what then misses it. */
interface DroppedElement {
  /** The tag as the file spells it: `bpmn:frobnicateTask`. */
  readonly tag: string;
  readonly problem: ModelProblem;
}

/** What moddle's warnings say about a file. */
export interface ReadFindings {
  /** One problem per warning, in the file's order. */
  readonly problems: readonly ModelProblem[];
  /** Ids moddle could not resolve, for the flow checks to name the broken flow. */
  readonly unresolved: UnresolvedRefs;
  /** Elements dropped while reading, by the id the file gave them. */
  readonly dropped: ReadonlyMap<string, DroppedElement>;
}

/**
 * Turns moddle warnings into problems. An element of the BPMN namespace moddle could
 * not read (an unknown type, an id that is not an XML name) is dropped from the tree,
 * so it is an error in its own right: it comes first, and the problems it causes
 * (flows to a missing node, a file without process) say that they follow from it.
 */
export function readWarnings(xml: string, warnings: readonly ReadWarning[]): ReadFindings {
  const problems: ModelProblem[] = [];
  const unresolved = new Map<ModdleElement, Map<string, string>>();
  const dropped = new Map<string, DroppedElement>();
  const bpmnPrefixes = new Set(prefixesOf(xml, BPMN_NS));
  if (new RegExp(`xmlns\\s*=\\s*["']${BPMN_NS}["']`).test(xml)) bpmnPrefixes.add('');
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
    const unreadable = unreadableElement(xml, warning.message, bpmnPrefixes);
    if (unreadable !== undefined) {
      problems.push(unreadable.problem);
      if (unreadable.problem.elementId !== undefined && unreadable.problem.severity === 'error') dropped.set(unreadable.problem.elementId, unreadable);
      continue;
    }
    problems.push(problem('XML_INVALID', undefined, undefined, `ignored part of the file: ${describeModdleMessage(warning.message)}`, 'warning'));
  }
  return { problems, unresolved, dropped };
}

/** An element moddle skipped for an unknown type or an illegal id; undefined for other warnings. */
function unreadableElement(xml: string, message: string, bpmnPrefixes: ReadonlySet<string>): DroppedElement | undefined {
  const parsed = parseModdleMessage(message);
  if (parsed?.tag === undefined) return undefined;
  const { tag, line, column, reason } = parsed;
  const colon = tag.indexOf(':');
  const isBpmn = bpmnPrefixes.has(colon < 0 ? '' : tag.slice(0, colon));
  const where = { line, column };
  const unknownType = /^unknown type <([^>]*)>/.exec(reason);
  if (unknownType) {
    const elementId = idOfTag(xml, tag, line, column);
    const named = elementId === undefined ? `<${tag}>` : `<${tag} id="${elementId}">`;
    const text =
      `unknown type: ${named} at line ${line} is not a BPMN 2.0 element (moddle: ${reason}), so it was left out of the model; ` +
      'fix the element name (BPMN names are case-sensitive) or replace it with a task';
    return { tag, problem: { ...problem('UNKNOWN_ELEMENT', elementId, undefined, text, isBpmn ? 'error' : 'warning'), ...where } };
  }
  const illegalId = /^illegal ID <([^>]*)>/.exec(reason);
  if (illegalId) {
    const elementId = illegalId[1] ?? '';
    const text =
      `illegal ID: "${elementId}" of <${tag}> at line ${line} is not a valid XML id (moddle: ${reason}), so the element was left out of the model; ` +
      'ids must start with a letter or "_" and hold only ASCII letters, digits, "_", "-" and ".": rename it (and every reference to it)';
    return { tag, problem: { ...problem('INVALID_ID', elementId, undefined, text, isBpmn ? 'error' : 'warning'), ...where } };
  }
  return undefined;
}

/** The `id` attribute of the `<tag ...>` moddle reported at 1-based `line`/`column`. */
function idOfTag(xml: string, tag: string, line: number, column: number): string | undefined {
  let offset = 0;
  for (let i = 1; i < line && offset >= 0; i++) offset = xml.indexOf('\n', offset) + 1;
  const start = xml.lastIndexOf(`<${tag}`, Math.max(0, offset) + column);
  if (start < 0) return undefined;
  const end = xml.indexOf('>', start);
  const open = xml.slice(start, end < 0 ? undefined : end);
  return /\sid\s*=\s*(["'])(.*?)\1/.exec(open)?.[2];
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

/**
 * Puts the dropped elements' errors first and tells each problem that only follows
 * from one (a flow whose end was dropped, a file whose process was dropped) which.
 */
export function rootCausesFirst(problems: readonly ModelProblem[], findings: ReadFindings): ModelProblem[] {
  if (findings.dropped.size === 0) return [...problems];
  const missedBy = new Map<string, string>();
  for (const [element, byProperty] of findings.unresolved) {
    for (const value of byProperty.values()) if (element.id !== undefined && findings.dropped.has(value)) missedBy.set(element.id, value);
  }
  const droppedProcess = [...findings.dropped.entries()].find(([, dropped]) => /(^|:)process$/.test(dropped.tag))?.[0];
  const causes = [...findings.dropped.values()].map((dropped) => dropped.problem);
  const rest = problems.filter((p) => !causes.includes(p)).map((p) => {
    const causeId = p.code === 'MISSING_REFERENCE' && p.elementId !== undefined ? missedBy.get(p.elementId) : p.code === 'NO_PROCESS' ? droppedProcess : undefined;
    const cause = causeId === undefined ? undefined : findings.dropped.get(causeId);
    return cause === undefined ? p : { ...p, message: `${p.message} (this follows from ${cause.problem.code} "${causeId}" above: fix that first)` };
  });
  return [...causes, ...rest];
}
