import { readFileSync } from 'node:fs';
import { VirtualClock } from '@baton/runtime';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryEngine, type InMemoryEngine } from './create-in-memory-engine.js';

const bpmn = (name: string) => ({ name, xml: readFileSync(new URL(`./__fixtures__/bpmn/${name}`, import.meta.url), 'utf8') });

interface LogRecord {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** Issue 12, finding 6e: an incident is logged once when committed, and its resolution too. */
describe('incident log', () => {
  let engine: InMemoryEngine;
  afterEach(() => engine.close());

  it('logs a committed incident once at warn with node, instance, element, code and message, and its resolution at info', async () => {
    // given an engine whose log goes to an array (a real pino logger, only its destination is ours)
    const records: LogRecord[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void records.push(JSON.parse(line) as LogRecord) });
    engine = createInMemoryEngine({ clock: new VirtualClock(Date.UTC(2026, 0, 1)), nodeId: 'node-a', logger });
    await engine.deploy([bpmn('missing-child.bpmn')]);
    // when an instance reaches a call activity whose process is not deployed
    const { instanceId } = await engine.startInstance({ processId: 'orphan' });
    // then exactly one warn record names the incident
    const [incident] = (await engine.searchIncidents({ rootInstanceId: instanceId })).items;
    expect(incident).toBeDefined();
    const raised = records.filter((r) => r['incidentKey'] === incident!.incidentKey && r.level === 40);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ nodeId: 'node-a', instanceId, elementId: 'call', code: 'CALLED_ELEMENT_ERROR', errorMessage: incident!.errorMessage });
    expect(raised[0]?.msg).toContain('CALLED_ELEMENT_ERROR');
    expect(raised[0]?.msg).toContain(incident!.errorMessage);
    // when the incident is resolved
    await engine.resolveIncident({ incidentKey: incident!.incidentKey });
    // then one info record says so
    const resolved = records.filter((r) => r['incidentKey'] === incident!.incidentKey && r.level === 30);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ nodeId: 'node-a', instanceId, elementId: 'call', code: 'CALLED_ELEMENT_ERROR' });
    expect(resolved[0]?.msg).toContain('resolved');
  });
});
