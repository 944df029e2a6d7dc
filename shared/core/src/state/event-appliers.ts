import { BatonError } from '@baton/errors';
import type { InstanceCreated, InstanceEvent, InstanceEventType } from '../types/events.js';
import type { Draft } from './records.js';
import type { AppliersOf, Applier } from './appliers/applier.js';
import { conditionAppliers } from './appliers/condition-appliers.js';
import { compensationAppliers } from './appliers/compensation-appliers.js';
import { swimlaneAppliers } from './appliers/swimlane-appliers.js';
import { elementAppliers } from './appliers/element-appliers.js';
import { instanceAppliers, instanceCreatedAppliers } from './appliers/instance-appliers.js';
import { waitAppliers } from './appliers/wait-appliers.js';

/**
 * Every event type's appliers by schema version (Zeebe's `EventAppliers`), so a
 * history written by an older Baton replays in this one. Rules (issue 16):
 * - an event without `v` is version 1; `decide` writes each type at its highest
 *   registered version, and stamps `v` only from version 2 on;
 * - a version, once released, is never changed nor removed: a new shape is a new
 *   version with its own applier, the old applier stays beside it;
 * - the golden histories in `test/unit/golden-histories/` (one per element family)
 *   must keep replaying to their recorded state; a new event type or version adds one.
 * The type makes the table complete: an event type without appliers does not compile.
 */
const appliers: AppliersOf<Exclude<InstanceEventType, 'InstanceCreated'>> = {
  ...elementAppliers,
  ...waitAppliers,
  ...instanceAppliers,
  ...conditionAppliers,
  ...compensationAppliers,
  ...swimlaneAppliers,
};

const currentVersions = new Map<string, number>([
  ['InstanceCreated', highest(instanceCreatedAppliers)],
  ...Object.entries(appliers).map(([type, byVersion]): [string, number] => [type, highest(byVersion)]),
]);

function highest(byVersion: Readonly<Record<number, unknown>>): number {
  return Math.max(...Object.keys(byVersion).map(Number));
}

/** The schema version `decide` writes events of this type at (1 until a type changes shape). */
export function currentEventVersion(type: InstanceEventType): number {
  return currentVersions.get(type) ?? 1;
}

/** Every registered (event type, version) pair, for the test that golden histories cover them all. */
export function registeredEventVersions(): readonly { readonly type: InstanceEventType; readonly version: number }[] {
  const all: { type: InstanceEventType; version: number }[] = [];
  const add = (type: string, byVersion: object): void => {
    for (const version of Object.keys(byVersion)) all.push({ type: type as InstanceEventType, version: Number(version) });
  };
  add('InstanceCreated', instanceCreatedAppliers);
  for (const [type, byVersion] of Object.entries(appliers)) add(type, byVersion);
  return all;
}

/** The applier of an event's type and version; an unknown one is history this Baton cannot read (written by a newer one, or not Baton's). */
export function applierOf(event: InstanceEvent): Applier<InstanceEvent> {
  const byVersion = (appliers as Readonly<Record<string, Readonly<Record<number, Applier<InstanceEvent>>> | undefined>>)[event.type];
  const applier = byVersion?.[event.v ?? 1];
  if (applier === undefined) throw unreadable(event.type, event.v ?? 1);
  return applier;
}

/** The applier of an `InstanceCreated` of that version. */
export function creationApplierOf(event: InstanceCreated): (event: InstanceCreated) => Draft {
  const applier = instanceCreatedAppliers[event.v ?? 1];
  if (applier === undefined) throw unreadable(event.type, event.v ?? 1);
  return applier;
}

function unreadable(type: string, version: number): BatonError {
  const known = currentVersions.get(type);
  const why =
    known === undefined
      ? `this Baton knows no event type "${type}"`
      : `this Baton reads "${type}" up to version ${known}`;
  return new BatonError(
    'HISTORY_UNREADABLE',
    `Cannot replay event ${type} version ${version}: ${why}. The history was written by a newer Baton (or is not Baton's); replay it with that version or newer.`,
    { eventType: type, eventVersion: version },
  );
}
