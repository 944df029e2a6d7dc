import fc from 'fast-check';

/**
 * Random valid BPMN models for property tests (issue 12). A model is a
 * structured (series-parallel) body: every split has its own join, an
 * interrupting boundary event rejoins the flow after its activity, and a
 * non-interrupting one leads to an end event of its own (ids starting `n`, as
 * non-interrupting event subprocesses). So every generated model is valid, has
 * no loop, and, except on those paths and multi-instance activities (ids
 * starting `mi`), enters each element at most once per scope instance.
 */
export type ModelBlock =
  | { readonly kind: 'serviceTask' | 'userTask'; readonly boundary?: BoundarySpec; readonly loop?: LoopSpec }
  | { readonly kind: 'timerCatch'; readonly minutes: number }
  | { readonly kind: 'messageCatch' }
  | { readonly kind: 'eventGateway'; readonly minutes: number }
  | { readonly kind: 'sequence'; readonly blocks: readonly ModelBlock[] }
  | { readonly kind: 'parallel'; readonly branches: readonly ModelBlock[] }
  | { readonly kind: 'exclusive' | 'inclusive'; readonly branches: readonly ModelBlock[]; readonly thresholds: readonly number[] }
  | { readonly kind: 'subProcess'; readonly body: ModelBlock; readonly boundary?: BoundarySpec; readonly loop?: LoopSpec; readonly eventSub?: EventSubSpec };

/** Multi-instance: `count` inner instances (ids start `mi`: their element is entered once per inner instance). */
export interface LoopSpec {
  readonly sequential: boolean;
  readonly count: number;
}

/** An event subprocess in a subprocess: a start event, a user task, an end (ids start `n` when non-interrupting). */
export interface EventSubSpec {
  readonly trigger: 'message' | 'timer';
  readonly interrupting: boolean;
  readonly minutes: number;
}

/** A boundary event on an activity; error boundaries catch `FUZZ_ERROR_CODE` and are always interrupting. */
export interface BoundarySpec {
  readonly event: 'timer' | 'message' | 'error';
  readonly interrupting: boolean;
  readonly minutes: number;
}

/** The error code an error boundary of a generated model catches; any other code is uncaught. */
export const FUZZ_ERROR_CODE = 'E1';

/** Every generated message subscription correlates on this key (the start variable `key`). */
export const FUZZ_CORRELATION_KEY = 'k';

const minutes = fc.integer({ min: 1, max: 90 });

const boundary: fc.Arbitrary<BoundarySpec> = fc
  .record({ event: fc.constantFrom('timer', 'message', 'error'), interrupting: fc.boolean(), minutes })
  .map((b) => (b.event === 'error' ? { ...b, interrupting: true } : b));

/** `value` one time in `inverse`, else undefined. */
const sometimes = <T>(value: fc.Arbitrary<T>, inverse: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: inverse - 1 }, { arbitrary: value, weight: 1 });

const loop = sometimes<LoopSpec>(fc.record({ sequential: fc.boolean(), count: fc.integer({ min: 0, max: 3 }) }), 4);

const eventSub = sometimes<EventSubSpec>(fc.record({ trigger: fc.constantFrom('message', 'timer'), interrupting: fc.boolean(), minutes }), 3);

const leaf: fc.Arbitrary<ModelBlock> = fc.oneof(
  fc.record({ kind: fc.constantFrom('serviceTask' as const, 'userTask' as const), boundary: sometimes(boundary, 2), loop }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('timerCatch' as const), minutes }),
  fc.record({ kind: fc.constant('messageCatch' as const) }),
  fc.record({ kind: fc.constant('eventGateway' as const), minutes }),
);

/** A random model body, nested at most `depth` containers deep. */
export function modelBlock(depth = 3): fc.Arbitrary<ModelBlock> {
  if (depth <= 0) return leaf;
  const inner = modelBlock(depth - 1);
  const branches = fc.array(inner, { minLength: 2, maxLength: 3 });
  return fc.oneof(
    { arbitrary: leaf, weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('sequence' as const), blocks: fc.array(inner, { minLength: 2, maxLength: 3 }) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('parallel' as const), branches }), weight: 1 },
    {
      arbitrary: fc.record({
        kind: fc.constantFrom('exclusive' as const, 'inclusive' as const),
        branches,
        thresholds: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('subProcess' as const), body: inner, boundary: sometimes(boundary, 2), loop, eventSub }, { requiredKeys: ['kind', 'body'] }),
      weight: 1,
    },
  );
}

/** A generated model: its XML (one executable process `P`) and the tree it was rendered from. */
export interface FuzzModel {
  readonly xml: string;
  readonly body: ModelBlock;
}

/** Random valid models (process id `P`), rendered to Zeebe-flavoured BPMN XML. */
export function processModel(depth = 3): fc.Arbitrary<FuzzModel> {
  return modelBlock(depth).map((body) => ({ body, xml: renderModel(body) }));
}

interface Rendered {
  readonly entry: string;
  readonly exit: string;
}

/** Renders blocks into one container's elements, with ids from one counter. */
class Renderer {
  private next = 0;
  readonly messages: string[] = [];

  constructor(private readonly out: string[]) {}

  private id(prefix: string): string {
    return `${prefix}${++this.next}`;
  }

  flow(from: string, to: string, condition?: string, out = this.out): string {
    const flowId = this.id('f');
    const body = condition === undefined ? '' : `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition.replace(/>/g, '&gt;')}</bpmn:conditionExpression>`;
    out.push(`<bpmn:sequenceFlow id="${flowId}" sourceRef="${from}" targetRef="${to}">${body}</bpmn:sequenceFlow>`);
    return flowId;
  }

  render(block: ModelBlock, out = this.out): Rendered {
    switch (block.kind) {
      case 'serviceTask':
      case 'userTask':
        return this.activity({ kind: block.kind, boundary: block.boundary, loop: block.loop }, out);
      case 'eventGateway':
        return this.eventGateway(block.minutes, out);
      case 'timerCatch':
        return this.single(out, 'c', (id) => `<bpmn:intermediateCatchEvent id="${id}">${timerXml('timeDuration', `PT${block.minutes}M`)}</bpmn:intermediateCatchEvent>`);
      case 'messageCatch':
        return this.single(out, 'c', (id) => `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="${this.message(id)}" /></bpmn:intermediateCatchEvent>`);
      case 'sequence': {
        const parts = block.blocks.map((b) => this.render(b, out));
        parts.slice(1).forEach((part, i) => this.flow((parts[i] as Rendered).exit, part.entry, undefined, out));
        return { entry: (parts[0] as Rendered).entry, exit: (parts[parts.length - 1] as Rendered).exit };
      }
      case 'parallel':
      case 'exclusive':
      case 'inclusive':
        return this.gateways(block, out);
      case 'subProcess':
        return this.activity({ kind: 'subProcess', boundary: block.boundary, loop: block.loop, body: block.body, eventSub: block.eventSub }, out);
    }
  }

  private single(out: string[], prefix: string, xml: (id: string) => string): Rendered {
    const id = this.id(prefix);
    out.push(xml(id));
    return { entry: id, exit: id };
  }

  private message(elementId: string): string {
    const messageId = `msg_${elementId}`;
    this.messages.push(
      `<bpmn:message id="${messageId}" name="m_${elementId}"><bpmn:extensionElements><zeebe:subscription correlationKey="=key" /></bpmn:extensionElements></bpmn:message>`,
    );
    return messageId;
  }

  private gateways(block: Extract<ModelBlock, { kind: 'parallel' | 'exclusive' | 'inclusive' }>, out: string[]): Rendered {
    const split = this.id('g');
    const join = this.id('j');
    const tag = `${block.kind}Gateway`;
    const flows: string[] = [];
    block.branches.forEach((branch, i) => {
      const rendered = this.render(branch, out);
      const threshold = block.kind === 'parallel' || i === 0 ? undefined : (block.thresholds[i] ?? 0);
      flows.push(this.flow(split, rendered.entry, threshold === undefined ? undefined : `=x > ${threshold}`, out));
      this.flow(rendered.exit, join, undefined, out);
    });
    const fallback = block.kind === 'parallel' ? '' : ` default="${flows[0] ?? ''}"`;
    out.push(`<bpmn:${tag} id="${split}"${fallback} />`, `<bpmn:${tag} id="${join}" />`);
    return { entry: split, exit: join };
  }

  private eventGateway(minutes: number, out: string[]): Rendered {
    const gateway = this.id('eg');
    const merge = this.id('m');
    const timer = this.single(out, 'c', (id) => `<bpmn:intermediateCatchEvent id="${id}">${timerXml('timeDuration', `PT${minutes}M`)}</bpmn:intermediateCatchEvent>`);
    const message = this.render({ kind: 'messageCatch' }, out);
    out.push(`<bpmn:eventBasedGateway id="${gateway}" />`, `<bpmn:exclusiveGateway id="${merge}" />`);
    for (const branch of [timer, message]) {
      this.flow(gateway, branch.entry, undefined, out);
      this.flow(branch.exit, merge, undefined, out);
    }
    return { entry: gateway, exit: merge };
  }

  private activity(a: { kind: 'serviceTask' | 'userTask' | 'subProcess'; boundary?: BoundarySpec | undefined; loop?: LoopSpec | undefined; body?: ModelBlock; eventSub?: EventSubSpec | undefined }, out: string[]): Rendered {
    const id = this.id(a.loop !== undefined ? 'mi' : a.kind === 'subProcess' ? 'sp' : 't');
    const loopXml =
      a.loop === undefined
        ? ''
        : `<bpmn:multiInstanceLoopCharacteristics isSequential="${a.loop.sequential}"><bpmn:loopCardinality>=${a.loop.count}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`;
    if (a.kind === 'serviceTask') out.push(`<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="work" retries="2" /></bpmn:extensionElements>${loopXml}</bpmn:serviceTask>`);
    if (a.kind === 'userTask') out.push(`<bpmn:userTask id="${id}">${loopXml}</bpmn:userTask>`);
    if (a.body !== undefined) {
      const inner: string[] = [];
      const rendered = this.render(a.body, inner);
      this.flow(`${id}_s`, rendered.entry, undefined, inner);
      this.flow(rendered.exit, `${id}_e`, undefined, inner);
      if (a.eventSub !== undefined) this.eventSubprocess(a.eventSub, inner);
      out.push(`<bpmn:subProcess id="${id}">${loopXml}<bpmn:startEvent id="${id}_s" /><bpmn:endEvent id="${id}_e" />${inner.join('')}</bpmn:subProcess>`);
    }
    const spec = a.boundary;
    if (spec === undefined) return { entry: id, exit: id };
    const event = spec.interrupting ? this.id('b') : this.id('nb');
    const definition =
      spec.event === 'error'
        ? '<bpmn:errorEventDefinition errorRef="fuzz_error" />'
        : spec.event === 'message'
          ? `<bpmn:messageEventDefinition messageRef="${this.message(event)}" />`
          : spec.interrupting
            ? timerXml('timeDuration', `PT${spec.minutes}M`)
            : timerXml('timeCycle', `R2/PT${spec.minutes}M`);
    out.push(`<bpmn:boundaryEvent id="${event}" attachedToRef="${id}" cancelActivity="${spec.interrupting}">${definition}</bpmn:boundaryEvent>`);
    if (!spec.interrupting) {
      const ending = `${event}_end`;
      out.push(`<bpmn:endEvent id="${ending}" />`);
      this.flow(event, ending, undefined, out);
      return { entry: id, exit: id };
    }
    const merge = this.id('m');
    out.push(`<bpmn:exclusiveGateway id="${merge}" />`);
    this.flow(id, merge, undefined, out);
    this.flow(event, merge, undefined, out);
    return { entry: id, exit: merge };
  }

  private eventSubprocess(spec: EventSubSpec, out: string[]): void {
    const id = this.id(spec.interrupting ? 'es' : 'nes');
    const definition =
      spec.trigger === 'message'
        ? `<bpmn:messageEventDefinition messageRef="${this.message(id)}" />`
        : timerXml(spec.interrupting ? 'timeDuration' : 'timeCycle', spec.interrupting ? `PT${spec.minutes}M` : `R2/PT${spec.minutes}M`);
    const inner: string[] = [`<bpmn:startEvent id="${id}_s" isInterrupting="${spec.interrupting}">${definition}</bpmn:startEvent>`, `<bpmn:userTask id="${id}_t" />`, `<bpmn:endEvent id="${id}_e" />`];
    this.flow(`${id}_s`, `${id}_t`, undefined, inner);
    this.flow(`${id}_t`, `${id}_e`, undefined, inner);
    out.push(`<bpmn:subProcess id="${id}" triggeredByEvent="true">${inner.join('')}</bpmn:subProcess>`);
  }
}

function timerXml(kind: 'timeDuration' | 'timeCycle', value: string): string {
  return `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;
}

/** The XML of one executable process `P`: start `s`, the body, end `e`. */
export function renderModel(body: ModelBlock): string {
  const elements: string[] = [];
  const renderer = new Renderer(elements);
  const rendered = renderer.render(body);
  renderer.flow('s', rendered.entry);
  renderer.flow(rendered.exit, 'e');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="http://baton.dev/fuzz">
<bpmn:process id="P" isExecutable="true">
<bpmn:startEvent id="s" /><bpmn:endEvent id="e" />
${elements.join('\n')}
</bpmn:process>
<bpmn:error id="fuzz_error" errorCode="${FUZZ_ERROR_CODE}" />
${renderer.messages.join('\n')}
</bpmn:definitions>`;
}
