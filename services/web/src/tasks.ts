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
  readonly dueDate?: string;
  readonly followUpDate?: string;
  /** 0 to 100, higher first; 50 when the model sets none. */
  readonly priority?: number;
}

/** The task list's filters and order, as the toolbar sets them. */
export interface TaskView {
  /** `mine`: assigned to me; `groups`: offered to one of my groups (or my lane); `all`: everything I may see. */
  readonly show: 'all' | 'mine' | 'groups';
  /** A process id, or empty for every process. */
  readonly process: string;
  readonly sort: 'created' | 'priority' | 'due';
}

export const defaultView: TaskView = { show: 'all', process: '', sort: 'created' };

/** Whether `task` passes the view's assignee/group and process filters for `viewer`. */
export function inView(task: TaskItem, viewer: Viewer, view: TaskView): boolean {
  if (view.process !== '' && task.processDefinitionId !== view.process) return false;
  if (view.show === 'mine') return task.assignee !== undefined && task.assignee === viewer.username;
  if (view.show === 'groups') {
    const groups = task.candidateGroups.length > 0 ? task.candidateGroups : task.lane === undefined ? [] : [task.lane];
    return groups.some((g) => viewer.groups.includes(g));
  }
  return true;
}

/** The order of the list: oldest first; by priority highest first; by due date soonest first, tasks without one last. Ties oldest first. */
export function compareTasks(sort: TaskView['sort']): (a: TaskItem, b: TaskItem) => number {
  const byCreation = (a: TaskItem, b: TaskItem): number => a.creationDate.localeCompare(b.creationDate);
  if (sort === 'priority') return (a, b) => (b.priority ?? 50) - (a.priority ?? 50) || byCreation(a, b);
  if (sort === 'due') return (a, b) => (a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') || byCreation(a, b);
  return byCreation;
}

/** The process ids the tasks belong to, sorted: the choices of the process filter. */
export function processesOf(tasks: readonly TaskItem[]): string[] {
  return [...new Set(tasks.map((t) => t.processDefinitionId))].sort();
}

/** The dates on a task's card: `due 2026-12-24 12:00 · follow up 2026-12-20 09:00`, or empty. */
export function datesText(task: TaskItem): string {
  const at = (iso: string): string => iso.replace('T', ' ').slice(0, 16);
  return [task.dueDate === undefined ? '' : `due ${at(task.dueDate)}`, task.followUpDate === undefined ? '' : `follow up ${at(task.followUpDate)}`].filter((t) => t !== '').join(' · ');
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
 * and groups) into the list's sections, in the view's order, keeping those matching
 * `filter` and the view's filters.
 */
export function sectionsOf(tasks: readonly TaskItem[], viewer: Viewer, filter = '', view: TaskView = defaultView): TaskSections {
  const shown = tasks.filter((task) => matchesFilter(task, filter) && inView(task, viewer, view)).sort(compareTasks(view.sort));
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
