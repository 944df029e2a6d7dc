/** A user task as POST /v2/user-tasks/search returns it. */
export interface TaskItem {
  readonly userTaskKey: string;
  readonly name?: string;
  readonly elementId: string;
  readonly processDefinitionId: string;
  readonly processInstanceKey: string;
  readonly assignee?: string;
  readonly candidateUsers: readonly string[];
  readonly candidateGroups: readonly string[];
  readonly lane?: string;
  readonly creationDate: string;
}

/** Who is looking: `undefined` username when the node runs without authentication. */
export interface Viewer {
  readonly username?: string;
  readonly groups: readonly string[];
}

/** The task list's sections: mine (claimed by me), offered (unclaimed), claimed by others (operators see them). */
export interface TaskSections {
  readonly mine: readonly TaskItem[];
  readonly offered: readonly TaskItem[];
  readonly others: readonly TaskItem[];
}

/** Whether a task's name, element id or process id contains `text` (case-insensitive). */
export function matchesFilter(task: TaskItem, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return needle === '' || [task.name ?? '', task.elementId, task.processDefinitionId].some((field) => field.toLowerCase().includes(needle));
}

/**
 * Splits the tasks the server let the viewer see (it filters by assignee, candidates
 * and groups) into the list's sections, oldest first, keeping those matching `filter`.
 */
export function sectionsOf(tasks: readonly TaskItem[], viewer: Viewer, filter = ''): TaskSections {
  const shown = tasks.filter((task) => matchesFilter(task, filter)).sort((a, b) => a.creationDate.localeCompare(b.creationDate));
  const isMine = (task: TaskItem): boolean => task.assignee !== undefined && task.assignee === viewer.username;
  return {
    mine: shown.filter(isMine),
    offered: shown.filter((task) => task.assignee === undefined),
    others: shown.filter((task) => task.assignee !== undefined && !isMine(task)),
  };
}

/** Who a task is offered to, for its card: `managers, carl`. */
export function offeredTo(task: TaskItem): string {
  const groups = task.candidateGroups.length > 0 ? task.candidateGroups : task.lane === undefined ? [] : [task.lane];
  return [...groups, ...task.candidateUsers].join(', ');
}

/** The CSRF token from `document.cookie` (cookie `baton_csrf`), if the node set one. */
export function csrfTokenFrom(cookie: string): string | undefined {
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'baton_csrf') return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The text to show for a failed request: the problem's detail and each field problem. */
export function problemText(body: unknown, status: number): string {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as { detail?: unknown; problems?: { message?: unknown }[] };
  const detail = typeof problem.detail === 'string' ? problem.detail : `The request failed (HTTP ${status}).`;
  const fields = (problem.problems ?? []).map((p) => p.message).filter((m): m is string => typeof m === 'string');
  return fields.length > 1 ? `${detail} (${fields.join('; ')})` : detail;
}
