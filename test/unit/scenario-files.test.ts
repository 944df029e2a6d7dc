/**
 * Keeps the conformance suite in test/scenarios loadable: every `*.scenario.json`
 * follows the file format of /work/shared/spec/scenario.md (format v1) as far as
 * a static check can tell, and every BPMN file it names exists, is well-formed
 * XML and holds the element ids its steps refer to. Whether the engine passes the
 * scenarios is `npx baton test test/scenarios`, not this test.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const suiteRoot = fileURLToPath(new URL('../scenarios/', import.meta.url));
const MIN_SCENARIOS = 80;

const ACTIONS = new Set([
  'start', 'completeJob', 'failJob', 'throwError', 'completeUserTask', 'correlateMessage', 'broadcastSignal', 'advanceTime', 'cancel', 'setVariables',
]);
const ID_LISTS = new Set(['expectWaiting', 'expectCompleted', 'expectNotCompleted']);
const EXPECTATIONS = new Set([...ID_LISTS, 'expectVariables', 'expectState']);
const STATES = new Set(['active', 'completed', 'cancelled', 'incident']);
const ELEMENT_ACTIONS = new Set(['completeJob', 'failJob', 'throwError', 'completeUserTask']);
const TOP_LEVEL = new Set(['name', 'bpmn', 'process', 'clock', 'steps']);
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** Every file under `dir` whose name ends with `suffix`, recursively. */
function findFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
const NAME = /^[A-Za-z_][\w.:-]*/;

/** Problems with text or an attribute value: a raw `<` or a bad entity reference. */
function checkCharacterData(text: string, where: string): string[] {
  if (text.includes('<')) return [`raw '<' in ${where}`];
  const problems: string[] = [];
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i))) problems.push(`bad entity reference in ${where}: ${text.slice(i, i + 12)}`);
  }
  return problems;
}

/** Problems with the attributes of one start tag (syntax, duplicates, values). */
function checkAttributes(source: string, tag: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let rest = source.trim();
  while (rest.length > 0) {
    const match = /^([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*')\s*/.exec(rest);
    if (!match) return [...problems, `malformed attributes in <${tag}>: ${rest.slice(0, 30)}`];
    const [whole, name = '', quoted = ''] = match;
    if (seen.has(name)) problems.push(`duplicate attribute ${name} in <${tag}>`);
    seen.add(name);
    problems.push(...checkCharacterData(quoted.slice(1, -1), `attribute ${name} of <${tag}>`));
    rest = rest.slice(whole.length);
  }
  return problems;
}

/**
 * Problems that make `xml` not well-formed: unbalanced or crossed tags, bad
 * attributes, raw `<` or bad entities in text, no single root element.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>/, '');
  while (i < body.length && problems.length === 0) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    if (open.length === 0 && text.trim() !== '') problems.push(`text outside the root element: ${text.trim().slice(0, 20)}`);
    problems.push(...checkCharacterData(text, 'text'));
    if (lt < 0) break;
    const markup = body.slice(lt);
    const special = [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']].find(([from = '']) => markup.startsWith(from));
    if (special) {
      const close = body.indexOf(special[1] ?? '', lt);
      if (close < 0) problems.push(`unterminated ${special[0]}`);
      i = close < 0 ? body.length : close + (special[1] ?? '').length;
      continue;
    }
    const gt = body.indexOf('>', lt);
    if (gt < 0) { problems.push('unterminated tag'); break; }
    const tag = body.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const expected = open.pop();
      if (name !== expected) problems.push(`</${name}> closes <${expected ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const inner = selfClosing ? tag.slice(0, -1) : tag;
    const name = NAME.exec(inner)?.[0];
    if (!name) { problems.push(`malformed tag <${tag.slice(0, 30)}>`); continue; }
    problems.push(...checkAttributes(inner.slice(name.length), name));
    if (open.length === 0) roots += 1;
    if (!selfClosing) open.push(name);
  }
  if (problems.length === 0 && open.length > 0) problems.push(`unclosed <${open.join('>, <')}>`);
  if (problems.length === 0 && roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}

/** Problems with one step: exactly one known key, `expectRejected` only on actions, payload shape. */
function stepProblems(step: unknown, index: number): string[] {
  const at = `step ${index + 1}`;
  if (!isObject(step)) return [`${at} is not an object`];
  const keys = Object.keys(step).filter((k) => k !== 'expectRejected');
  if (keys.length !== 1) return [`${at} has keys ${Object.keys(step).join(', ')}; expected exactly one`];
  const kind = keys[0] ?? '';
  const value = step[kind];
  if (!ACTIONS.has(kind) && !EXPECTATIONS.has(kind)) return [`${at} has unknown kind ${kind}`];
  const problems: string[] = [];
  if ('expectRejected' in step && (!ACTIONS.has(kind) || step.expectRejected !== true)) {
    problems.push(`${at}: expectRejected must be true and only on an action`);
  }
  if (ELEMENT_ACTIONS.has(kind) && !(isObject(value) && typeof value.element === 'string')) problems.push(`${at}: ${kind} needs an element`);
  if (kind === 'throwError' && !(isObject(value) && typeof value.code === 'string')) problems.push(`${at}: throwError needs a code`);
  if (kind === 'failJob' && !(isObject(value) && typeof value.retries === 'number')) problems.push(`${at}: failJob needs retries`);
  if ((kind === 'correlateMessage' || kind === 'broadcastSignal') && !(isObject(value) && typeof value.name === 'string')) {
    problems.push(`${at}: ${kind} needs a name`);
  }
  if (kind === 'correlateMessage' && isObject(value) && value.timeToLive !== undefined && !ISO_DURATION.test(String(value.timeToLive))) {
    problems.push(`${at}: timeToLive is not an ISO 8601 duration`);
  }
  if ((kind === 'start' || kind === 'cancel') && !isObject(value)) problems.push(`${at}: ${kind} takes an object`);
  if (kind === 'setVariables' && !(isObject(value) && isObject(value.variables))) problems.push(`${at}: setVariables needs variables`);
  if (kind === 'advanceTime' && !(typeof value === 'string' && ISO_DURATION.test(value))) problems.push(`${at}: advanceTime needs an ISO 8601 duration`);
  if (ID_LISTS.has(kind) && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) problems.push(`${at}: ${kind} needs a list of ids`);
  if (kind === 'expectVariables' && !isObject(value)) problems.push(`${at}: expectVariables takes an object`);
  if (kind === 'expectState' && !STATES.has(String(value))) problems.push(`${at}: unknown state ${String(value)}`);
  return problems;
}

/** The element ids a step refers to (action targets and expectation lists). */
function referencedIds(step: Record<string, unknown>): string[] {
  const [kind = '', value] = Object.entries(step).find(([k]) => k !== 'expectRejected') ?? [];
  if (ID_LISTS.has(kind) && Array.isArray(value)) return value.map(String);
  if (ELEMENT_ACTIONS.has(kind) && isObject(value) && typeof value.element === 'string') return [value.element];
  return [];
}

interface Loaded { file: string; scenario: Record<string, unknown>; bpmnPaths: string[] }

function load(file: string): Loaded {
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!isObject(scenario)) throw new Error(`${file} is not a JSON object`);
  const bpmn = scenario.bpmn;
  const list = Array.isArray(bpmn) ? bpmn : [bpmn];
  return { file, scenario, bpmnPaths: list.map((p) => join(dirname(file), String(p))) };
}

const scenarioFiles = findFiles(suiteRoot, '.scenario.json').sort();
const cases = scenarioFiles.map((file) => [relative(suiteRoot, file), file] as const);

describe('scenario suite files', () => {
  it(`holds at least ${MIN_SCENARIOS} scenarios with distinct names`, () => {
    expect(scenarioFiles.length).toBeGreaterThanOrEqual(MIN_SCENARIOS);
    const names = scenarioFiles.map((f) => load(f).scenario.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(cases)('%s follows format v1.1', (_name, file) => {
    const { scenario } = load(file);
    expect(Object.keys(scenario).filter((k) => !TOP_LEVEL.has(k))).toEqual([]);
    expect(typeof scenario.name === 'string' && scenario.name.length > 0).toBe(true);
    const bpmn = scenario.bpmn;
    expect(typeof bpmn === 'string' || (Array.isArray(bpmn) && bpmn.length > 0 && bpmn.every((p) => typeof p === 'string'))).toBe(true);
    for (const key of ['process', 'clock'] as const) if (key in scenario) expect(typeof scenario[key]).toBe('string');
    if (typeof scenario.clock === 'string') expect(Number.isNaN(Date.parse(scenario.clock))).toBe(false);
    const steps = scenario.steps;
    expect(Array.isArray(steps) && steps.length > 0).toBe(true);
    const list = steps as unknown[];
    expect(list.flatMap((s, i) => stepProblems(s, i))).toEqual([]);
    const last = list.at(-1);
    expect(isObject(last) && Object.keys(last).some((k) => EXPECTATIONS.has(k))).toBe(true);
  });

  it.each(cases)('%s names well-formed BPMN files holding its element ids', (_name, file) => {
    const { scenario, bpmnPaths } = load(file);
    const ids = new Set<string>();
    const processIds = new Set<string>();
    for (const path of bpmnPaths) {
      expect(existsSync(path), `${path} exists`).toBe(true);
      const xml = readFileSync(path, 'utf8');
      expect(xmlProblems(xml), path).toEqual([]);
      for (const m of xml.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1] ?? '');
      for (const m of xml.matchAll(/<(?:bpmn:)?process\s[^>]*?\bid="([^"]+)"/g)) processIds.add(m[1] ?? '');
    }
    if (typeof scenario.process === 'string') expect(processIds.has(scenario.process), `process ${scenario.process}`).toBe(true);
    const steps = (scenario.steps as Record<string, unknown>[]).flatMap(referencedIds);
    expect(steps.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('xmlProblems', () => {
  it('accepts a small well-formed document with a declaration, comment and entities', () => {
    const xml = '<?xml version="1.0"?>\n<!-- c --><a x="1 &amp; 2"><b/><c y=\'&lt;\'>t &gt; u</c></a>\n';
    expect(xmlProblems(xml)).toEqual([]);
  });

  it.each([
    ['crossed tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['a raw ampersand', '<a>x & y</a>'],
    ['a raw < in an attribute', '<a x="<"/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['two root elements', '<a/><b/>'],
  ])('rejects %s', (_what, xml) => {
    expect(xmlProblems(xml)).not.toEqual([]);
  });
});
