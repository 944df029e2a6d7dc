import { expression, type BuildContext } from './context.js';
import type { Swimlane } from './definition.js';
import { attr, child, children, type ModdleElement } from './moddle.js';

/** Where a flow node sits: its lane's name (kept as the `bpmn:lane` property) and, when the lane is a swimlane, its assignment. */
export interface LaneOf {
  readonly name: string;
  readonly swimlane?: Swimlane;
}

/**
 * A lane's assignment (issue 16, jBPM swimlanes): `baton:assignee`, `baton:candidateUsers`
 * and `baton:candidateGroups` on `<bpmn:lane>` (namespace `http://baton.dev/schema/bpmn`,
 * prefix `baton`), each an expression or a literal like the user task attributes.
 */
function readSwimlane(ctx: BuildContext, lane: ModdleElement): Swimlane | undefined {
  const laneId = lane.id ?? '';
  const read = (name: string): string | undefined => {
    const text = lane.$attrs?.[`baton:${name}`]?.trim();
    return text === undefined || text === '' ? undefined : expression(ctx, laneId, `baton:${name} of lane "${laneId}"`, text);
  };
  const assignee = read('assignee');
  const candidateUsers = read('candidateUsers');
  const candidateGroups = read('candidateGroups');
  if (assignee === undefined && candidateUsers === undefined && candidateGroups === undefined) return undefined;
  const name = attr(lane, 'name');
  return {
    laneId,
    ...(name === undefined ? {} : { name }),
    ...(assignee === undefined ? {} : { assignee }),
    ...(candidateUsers === undefined ? {} : { candidateUsers }),
    ...(candidateGroups === undefined ? {} : { candidateGroups }),
  };
}

/** Flow node id → its lane (the innermost, for nested lanes). */
export function readLanes(ctx: BuildContext, process: ModdleElement): Map<string, LaneOf> {
  const lanes = new Map<string, LaneOf>();
  const visit = (laneSet: ModdleElement | undefined): void => {
    for (const lane of children(laneSet, 'lanes')) {
      const name = attr(lane, 'name') ?? lane.id ?? '';
      const swimlane = readSwimlane(ctx, lane);
      const of: LaneOf = swimlane === undefined ? { name } : { name, swimlane };
      for (const node of children(lane, 'flowNodeRef')) if (node.id !== undefined) lanes.set(node.id, of);
      visit(child(lane, 'childLaneSet'));
    }
  };
  for (const laneSet of children(process, 'laneSets')) visit(laneSet);
  return lanes;
}
