import * as Elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import type { BenchSystem, BenchSystemFactory } from '../system.js';

/**
 * bpmn-engine's service task calls `behaviour.Service`; this one completes at once,
 * as Baton's in-process handler does. Set through an extension, bpmn-engine's way
 * to "extend service task behaviour" (docs/Examples.md).
 */
function CompleteAtOnce(this: object): void {}
CompleteAtOnce.prototype.execute = function execute(_message: unknown, callback: (error: Error | null, output?: unknown) => void): void {
  callback(null, {});
};

const extensions = {
  benchServices(activity: { type: string; behaviour: Record<string, unknown> }): undefined {
    if (activity.type === 'bpmn:ServiceTask') activity.behaviour['Service'] = CompleteAtOnce;
    return undefined;
  },
};

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
  const sourceContext = serializer(moddleContext, TypeResolver(Elements));
  let count = 0;
  const system: BenchSystem = {
    runOne: () =>
      new Promise<void>((resolve, reject) => {
        const engine = new Engine({ name: `${benchCase.processId}-${++count}`, sourceContext, extensions });
        void engine.execute({ variables: { ...benchCase.variables } }, (error: unknown) => {
          if (error === null || error === undefined) resolve();
          else reject(error instanceof Error ? error : new Error(String(error)));
        });
      }),
    close: async () => undefined,
  };
  return system;
};
