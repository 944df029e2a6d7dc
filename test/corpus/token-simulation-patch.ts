/**
 * The simulator's models are sketches: many throw an error or escalation without a
 * code, or a signal without a name, which Camunda 8 (and Baton) refuse to deploy.
 * The simulator matches such events by their (absent) reference, so the smallest
 * faithful completion is one shared name per kind:
 *
 * - every error or escalation *throw* (end or intermediate throw event) without a
 *   reference gets the code `simulated`; catch events are left alone, since a catch
 *   event without a reference catches everything in both the simulator and Camunda 8;
 * - every signal event definition without a reference, throw or catch, gets the
 *   signal `simulated`, so unnamed signals still meet each other and nothing else.
 *
 * Returns the completed XML, or undefined when there was nothing to complete.
 */
export function completeEventDetails(xml: string): string | undefined {
  const prefix = /<(\w+:)?definitions\b/.exec(xml)?.[1] ?? '';
  let changed = false;
  const refs: string[] = [];
  const patchThrows = (kind: 'error' | 'escalation', ref: string) =>
    xml.replace(new RegExp(`<${prefix}(endEvent|intermediateThrowEvent)\\b[^>]*(?<!/)>[\\s\\S]*?</${prefix}\\1>`, 'g'), (block) =>
      block.replace(new RegExp(`<${prefix}${kind}EventDefinition\\b(?![^>]*\\b${kind}Ref=)`, 'g'), (tag) => {
        changed = true;
        if (!refs.includes(ref)) refs.push(ref);
        return `${tag} ${kind}Ref="${ref}"`;
      }),
    );
  xml = patchThrows('error', 'Simulated_Error');
  xml = patchThrows('escalation', 'Simulated_Escalation');
  xml = xml.replace(new RegExp(`<${prefix}signalEventDefinition\\b(?![^>]*\\bsignalRef=)`, 'g'), (tag) => {
    changed = true;
    if (!refs.includes('Simulated_Signal')) refs.push('Simulated_Signal');
    return `${tag} signalRef="Simulated_Signal"`;
  });
  if (!changed) return undefined;
  const roots: Record<string, string> = {
    Simulated_Error: `<${prefix}error id="Simulated_Error" name="simulated" errorCode="simulated" />`,
    Simulated_Escalation: `<${prefix}escalation id="Simulated_Escalation" name="simulated" escalationCode="simulated" />`,
    Simulated_Signal: `<${prefix}signal id="Simulated_Signal" name="simulated" />`,
  };
  const declarations = refs.map((ref) => roots[ref]).join('\n  ');
  return xml.replace(new RegExp(`</${prefix}definitions>`), `  ${declarations}\n</${prefix}definitions>`);
}
