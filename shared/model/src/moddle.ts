// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- bpmn-moddle ships no typings for its entry point; every program that reaches this file (tsc -b, test/tsconfig) must see ours.
/// <reference path="./types/bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleInstance } from 'bpmn-moddle';
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

/** One node of the tree bpmn-moddle builds; read it only through the helpers below. */
export interface ModdleElement {
  readonly $type: string;
  readonly $attrs?: Readonly<Record<string, string>>;
  readonly $parent?: ModdleElement;
  readonly $descriptor?: { readonly propertiesByName: Readonly<Record<string, ModdlePropertyDescriptor | undefined>> };
  readonly id?: string;
  get(name: string): unknown;
}

export interface ModdlePropertyDescriptor {
  readonly isAttr?: boolean;
  readonly isReference?: boolean;
  readonly ns: { readonly prefix: string; readonly localName: string };
}

/** Which vendor extension a file is written for; picks the moddle descriptor. */
export type Flavour = 'zeebe' | 'camunda' | 'plain';

/** A warning bpmn-moddle reports while reading (unknown element, unresolved reference, duplicate id). */
export interface ReadWarning {
  readonly message: string;
  readonly element?: ModdleElement;
  readonly property?: string;
  readonly value?: string;
}

export type ReadResult =
  | { readonly ok: true; readonly definitions: ModdleElement; readonly warnings: readonly ReadWarning[] }
  | { readonly ok: false; readonly message: string };

export const ZEEBE_NS = 'http://camunda.org/schema/zeebe/1.0';
export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';
export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

const instances = new Map<Flavour, ModdleInstance>();

/** One BpmnModdle per descriptor set: building one compiles the whole meta-model. */
function moddleFor(flavour: Flavour): ModdleInstance {
  let instance = instances.get(flavour);
  if (!instance) {
    // Never both: they each define `modelerTemplate` and every <process> then fails to read.
    const packages = flavour === 'zeebe' ? { zeebe: zeebeDescriptor } : flavour === 'camunda' ? { camunda: camundaDescriptor } : {};
    instance = BpmnModdle(packages);
    instances.set(flavour, instance);
  }
  return instance;
}

/** The prefixes a document binds to `namespace` (`xmlns:zeebe="..."`). */
export function prefixesOf(xml: string, namespace: string): string[] {
  const prefixes: string[] = [];
  const pattern = /xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g;
  for (const match of xml.matchAll(pattern)) {
    if (match[2] === namespace && match[1]) prefixes.push(match[1]);
  }
  return prefixes;
}

function usesPrefix(xml: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => xml.includes(`<${prefix}:`) || new RegExp(`\\s${prefix}:[\\w-]+\\s*=`).test(xml));
}

/**
 * Picks the descriptor from the namespaces the file declares. When a file declares
 * both (old modeler exports), the one it actually uses wins; zeebe if it uses both.
 */
export function chooseFlavour(xml: string): Flavour {
  const zeebe = prefixesOf(xml, ZEEBE_NS);
  const camunda = prefixesOf(xml, CAMUNDA_NS);
  if (zeebe.length > 0 && camunda.length > 0) {
    if (usesPrefix(xml, zeebe)) return 'zeebe';
    if (usesPrefix(xml, camunda)) return 'camunda';
    return 'zeebe';
  }
  if (zeebe.length > 0) return 'zeebe';
  if (camunda.length > 0) return 'camunda';
  return 'plain';
}

/** A moddle "unparsable content" warning, taken apart; positions 1-based. */
export interface ModdleMessage {
  /** The tag as the file spells it (`bpmn:frobnicateTask`), when the message names one. */
  readonly tag?: string;
  readonly line: number;
  readonly column: number;
  /** moddle's own words: `unknown type <bpmn:FrobnicateTask>`, `illegal ID <Aufgabe_ü>`. */
  readonly reason: string;
}

/** Takes apart `unparsable content <tag> detected line: 0 column: 12 nested error: ...` (moddle counts from 0). */
export function parseModdleMessage(message: string): ModdleMessage | undefined {
  const match = /^unparsable content ([\s\S]*?)\s*detected\s+line: (\d+)\s+column: (\d+)\s+nested error: ([\s\S]*)$/.exec(message);
  if (!match) return undefined;
  const [, what, line, column, reason] = match;
  const tag = /^<([^\s>/]+)/.exec(what ?? '')?.[1];
  return { ...(tag === undefined ? {} : { tag }), line: Number(line) + 1, column: Number(column) + 1, reason: (reason ?? '').replace(/\s+/g, ' ').trim() };
}

/** moddle reports positions 0-based as `line: 0 column: 12`; say them 1-based on one line. */
export function describeModdleMessage(message: string): string {
  const parsed = parseModdleMessage(message);
  if (!parsed) return message.replace(/\s+/g, ' ').trim();
  const what = /^unparsable content ([\s\S]*?)\s*detected/.exec(message)?.[1];
  return `${parsed.reason} at ${what ? `${what} ` : ''}(line ${parsed.line}, column ${parsed.column})`.replace(/\s+/g, ' ');
}

/** Reads BPMN XML; never throws: unreadable input is `{ ok: false, message }`. */
export async function readXml(xml: string, flavour: Flavour): Promise<ReadResult> {
  try {
    const result = await moddleFor(flavour).fromXML(xml);
    const definitions = result.rootElement as ModdleElement | undefined;
    if (!definitions || definitions.$type !== 'bpmn:Definitions') {
      return { ok: false, message: 'the document is not BPMN 2.0 <definitions>' };
    }
    return { ok: true, definitions, warnings: result.warnings as readonly ReadWarning[] };
  } catch (err) {
    const { message, warnings } = err as { message?: unknown; warnings?: readonly ReadWarning[] };
    const first = warnings?.[0]?.message;
    const text = typeof message === 'string' ? message : String(err);
    const reason = text.startsWith('failed to parse document') && first ? first : text;
    return { ok: false, message: describeModdleMessage(reason) };
  }
}

/** A property by name; generic elements of unknown namespaces have no `get`. */
function read(element: ModdleElement | undefined, name: string): unknown {
  if (!element) return undefined;
  if (typeof element.get === 'function') return element.get(name);
  return (element as unknown as Record<string, unknown>)[name];
}

/** A string attribute (BPMN or extension, `camunda:topic`), trimmed-empty as undefined. */
export function attr(element: ModdleElement | undefined, name: string): string | undefined {
  const value = read(element, name);
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  return text.trim() === '' ? undefined : text;
}

/** A boolean attribute with a default. */
export function flag(element: ModdleElement | undefined, name: string, fallback: boolean): boolean {
  const value = read(element, name);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim() === '' ? fallback : value.trim() === 'true';
  return fallback;
}

/** A single contained or referenced element. */
export function child(element: ModdleElement | undefined, name: string): ModdleElement | undefined {
  const value = read(element, name);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as ModdleElement) : undefined;
}

/** A many-valued property, always an array. */
export function children(element: ModdleElement | undefined, name: string): readonly ModdleElement[] {
  const value = read(element, name);
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** The text body of a formal expression or similar (`<conditionExpression>x</...>`). */
export function body(element: ModdleElement | undefined): string | undefined {
  return attr(element, 'body')?.trim() || undefined;
}

/** Children of `<extensionElements>`. */
export function extensions(element: ModdleElement | undefined): readonly ModdleElement[] {
  return children(child(element, 'extensionElements'), 'values');
}

/** The first extension element of a type (`zeebe:TaskDefinition`). */
export function extension(element: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return extensions(element).find((e) => e.$type === type);
}

/** All extension elements of a type. */
export function extensionsOf(element: ModdleElement | undefined, type: string): readonly ModdleElement[] {
  return extensions(element).filter((e) => e.$type === type);
}

/** `bpmn:ExclusiveGateway` → `exclusiveGateway`. */
export function localType(element: ModdleElement): string {
  const name = element.$type.slice(element.$type.indexOf(':') + 1);
  return name.charAt(0).toLowerCase() + name.slice(1);
}
