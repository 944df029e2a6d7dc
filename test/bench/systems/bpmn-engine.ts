import * as Elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import * as bpmnModdle from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import type { BenchSystem, BenchSystemFactory } from '../system.js';

/**
 * The root node_modules holds bpmn-engine's bpmn-moddle (9, a default export); the
 * ambient 'bpmn-moddle' typing in the program is @baton/model's slice of version 10.
 */
const BpmnModdle = (bpmnModdle as unknown as { default: new () => { fromXML(xml: string): Promise<object> } }).default;

/**
 * bpmn-engine's service task runs `new behaviour.Service(activity).execute(message,
 * callback)`; this one completes at once, as Baton's in-process handler does.
 */
function CompleteAtOnce(): void {}
CompleteAtOnce.prototype.execute = function execute(_message: unknown, callback: (error: Error | null, output?: unknown) => void): void {
  callback(null, {});
};

/**
 * bpmn-engine's own type resolver, plus the service behaviour on each service task:
 * what it does itself for an `implementation` attribute, here once at "deploy".
 */
function benchTypeResolver(): (entity: { type?: string; behaviour?: Record<string, unknown> }) => void {
  const resolve = TypeResolver(Elements);
  return (entity) => {
    resolve(entity);
    if (entity.type === 'bpmn:ServiceTask' && entity.behaviour !== undefined) entity.behaviour['Service'] = CompleteAtOnce;
  };
}

/**
 * Zeebe conditions (`=approved`) mean nothing to bpmn-engine, which would take any
 * flow whose condition text is truthy; its own form of the same test is
 * `${environment.variables.approved}`, resolved without a script.
 */
export function toBpmnEngineConditions(xml: string): string {
  return xml.replace(/(<bpmn:conditionExpression[^>]*>)=([A-Za-z_][\w]*)(<\/bpmn:conditionExpression>)/g, '$1${environment.variables.$2}$3');
}

/**
 * bpmn-engine 25: one `Engine` per instance (its execute() runs one execution),
 * all built from one serialized context parsed once, as a deployment would.
 */
export const createBpmnEngineSystem: BenchSystemFactory = async (benchCase, xml) => {
  const moddleContext = await new BpmnModdle().fromXML(toBpmnEngineConditions(xml));
  const sourceContext = serializer(moddleContext as Parameters<typeof serializer>[0], benchTypeResolver());
  let count = 0;
  const run = (onEngine?: (engine: Engine) => void): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const engine = new Engine({ name: `${benchCase.processId}-${++count}`, sourceContext });
      onEngine?.(engine);
      void engine.execute({ variables: { ...benchCase.variables } }, (error: unknown) => {
        if (error === null || error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  const system: BenchSystem = {
    runOne: () => run(),
    traceOne: async () => {
      const completed: string[] = [];
      await run((engine) =>
        engine.broker.subscribeTmp('event', 'activity.end', (_key, message) => void completed.push(String(message.content.id)), { noAck: true }),
      );
      return completed;
    },
    close: async () => undefined,
  };
  return system;
};
