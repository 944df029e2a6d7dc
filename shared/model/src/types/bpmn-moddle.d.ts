/** bpmn-moddle 10 ships no typings for its entry point; this is the slice Baton uses. */
declare module 'bpmn-moddle' {
  export interface ModdleParseResult {
    readonly rootElement: unknown;
    readonly warnings: readonly { readonly message: string; readonly element?: unknown; readonly property?: string; readonly value?: string }[];
  }
  export interface ModdleInstance {
    /** `typeName` is the root element's type; default `bpmn:Definitions`. */
    fromXML(xml: string, typeName?: string): Promise<ModdleParseResult>;
  }
  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): ModdleInstance;
}
