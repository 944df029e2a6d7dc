/** One reference process of a bench suite; both systems run the same BPMN file. */
export interface BenchCase {
  /** Stable name in the table and the JSON (`a-start-end`). */
  readonly name: string;
  readonly title: string;
  /** File in test/bench/models/. */
  readonly modelFile: string;
  readonly processId: string;
  /** Every instance starts with these. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** Job type of the model's service tasks, completed in-process. */
  readonly jobType: string;
  /** Elements one instance must complete (checked once per run, so a wrong path cannot pass for speed). */
  readonly mustComplete: readonly string[];
  /** DMN files in test/bench/models/ deployed with the model; such a case runs on Baton only (bpmn-engine has no DMN). */
  readonly decisionFiles?: readonly string[];
}

const variables = { approved: true };

/** The `core` suite of issue #3, "Speed". */
const coreCases: readonly BenchCase[] = [
  { name: 'a-start-end', title: '(a) start -> end', modelFile: 'a-start-end.bpmn', processId: 'bench-a', variables, jobType: 'work', mustComplete: ['start', 'end'] },
  {
    name: 'b-task-gateway-task',
    title: '(b) start -> task -> XOR -> task -> end',
    modelFile: 'b-task-gateway-task.bpmn',
    processId: 'bench-b',
    variables,
    jobType: 'work',
    mustComplete: ['start', 'first', 'gateway', 'second', 'end'],
  },
  {
    name: 'c-parallel-10',
    title: '(c) start -> AND split 10 tasks -> join -> end',
    modelFile: 'c-parallel-10.bpmn',
    processId: 'bench-c',
    variables,
    jobType: 'work',
    mustComplete: ['start', 'split', ...Array.from({ length: 10 }, (_, i) => `task-${i + 1}`), 'join', 'end'],
  },
  {
    name: 'd-dmn-20-rules',
    title: '(d) start -> business rule task (UNIQUE table, 20 rules) -> end',
    modelFile: 'dmn-20-rules.bpmn',
    processId: 'bench-dmn',
    // Matches rule 18 of 20: platinum, [2000..3000).
    variables: { tier: 'platinum', amount: 2500 },
    jobType: 'work',
    mustComplete: ['start', 'decide', 'end'],
    decisionFiles: ['dmn-20-rules.dmn'],
  },
  {
    name: 'e-compensation',
    title: '(e) start -> 2 tasks with compensation handlers -> compensation throw -> end',
    modelFile: 'e-compensation.bpmn',
    processId: 'bench-compensation',
    variables,
    jobType: 'work',
    mustComplete: ['start', 'book', 'charge', 'undo-book', 'refund', 'compensate', 'end'],
  },
];

/**
 * The `cluster` suite of issues #5 and #6, "Speed": Baton on a real Redis against raw
 * BullMQ. Result names `one-task` and `b` are fixed by issue #5.
 */
const clusterCases: readonly BenchCase[] = [
  { name: 'one-task', title: '(1) start -> service task -> end', modelFile: 'one-task.bpmn', processId: 'bench-one-task', variables, jobType: 'work', mustComplete: ['start', 'task', 'end'] },
  { ...(coreCases[1] as BenchCase), name: 'b' },
];

export const suites: Readonly<Record<string, readonly BenchCase[]>> = { core: coreCases, cluster: clusterCases };
