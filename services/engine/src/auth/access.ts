import type { UserTaskResult } from '@baton/api';
import { BatonError } from '@baton/errors';
import type { EngineApi } from '../engine-api.js';
import { hasRole, mayWorkOn, type Principal, type Role } from './principal.js';

/**
 * The class of a route, named in its `config.access`: who may call it, and which
 * object check runs before its handler (OWASP API1: by object, not only by route).
 */
export type Access =
  | 'public'
  | 'authenticated'
  | 'deploy'
  | 'read'
  | 'start'
  | 'cancel'
  | 'modify'
  | 'resolve'
  | 'correlate'
  | 'admin'
  | 'job-activate'
  | 'job'
  | 'task-search'
  | 'task-view'
  | 'task-update'
  | 'task-claim'
  | 'task-unclaim'
  | 'task-complete'
  /** The store API (issue 17): another node's or a page's proxy store reads and writes this node's store. */
  | 'store';

/** Roles that may call a route of each class; `undefined`: any authenticated caller. */
export const rolesFor: Readonly<Record<Exclude<Access, 'public'>, readonly Role[] | undefined>> = {
  authenticated: undefined,
  deploy: ['admin'],
  read: ['admin', 'operator'],
  start: ['admin', 'user'],
  cancel: ['admin', 'operator'],
  modify: ['admin', 'operator'],
  resolve: ['admin', 'operator'],
  correlate: ['admin', 'worker'],
  admin: ['admin'],
  'job-activate': ['worker'],
  job: ['worker'],
  'task-search': ['admin', 'operator', 'user'],
  'task-view': ['admin', 'operator', 'user'],
  'task-update': ['admin', 'operator', 'user'],
  'task-claim': ['admin', 'user'],
  'task-unclaim': ['admin', 'user'],
  'task-complete': ['user'],
  // Writes instance state, history and deployments as they are, past every per-object rule:
  // only a principal given this role for it (an edge node's or a page's API key), not even an admin by default.
  store: ['store'],
};

const forbidden = (principal: Principal, message: string, details: Record<string, unknown> = {}): BatonError =>
  new BatonError('FORBIDDEN', message, { subject: principal.subject, ...details });

/** Throws FORBIDDEN unless the principal holds a role the route class admits. */
export function checkRole(principal: Principal, access: Exclude<Access, 'public'>): void {
  const wanted = rolesFor[access];
  if (wanted === undefined || hasRole(principal, ...wanted)) return;
  throw forbidden(principal, `"${principal.subject}" may not do this: it needs one of the roles ${wanted.join(', ')} and has ${principal.roles.join(', ') || 'none'}.`, {
    requiredRoles: wanted,
  });
}

/**
 * The groups a task is offered to: its candidate groups, or, when the model names no
 * assignee and no candidates, the lane it sits in (a lane maps to a group, as jBPM's
 * swimlanes; an explicit assignment in the model is the narrower one and wins).
 */
export function candidateGroupsOf(task: UserTaskResult): readonly string[] {
  const namesNobody = task.candidateGroups.length === 0 && task.candidateUsers.length === 0 && task.assignee === undefined;
  return namesNobody && task.lane !== undefined ? [task.lane] : task.candidateGroups;
}

/** A user is a candidate of a pooled task: named, or member of a candidate group. */
export function isCandidate(principal: Principal, task: UserTaskResult): boolean {
  return task.candidateUsers.includes(principal.subject) || candidateGroupsOf(task).some((group) => principal.groups.includes(group));
}

/** Admins and operators see every task; a user sees those assigned to them or offered to them. */
export function maySeeTask(principal: Principal | undefined, task: UserTaskResult): boolean {
  if (principal === undefined || hasRole(principal, 'admin', 'operator')) return true;
  return hasRole(principal, 'user') && (task.assignee === principal.subject || isCandidate(principal, task));
}

/** The tasks of `tasks` the principal may see (all when authentication is off). */
export function visibleTasks(principal: Principal | undefined, tasks: readonly UserTaskResult[]): readonly UserTaskResult[] {
  return principal === undefined ? tasks : tasks.filter((task) => maySeeTask(principal, task));
}

/** What an object check needs of the request. */
export interface ObjectRequest {
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly body: Readonly<Record<string, unknown>> | null | undefined;
}

async function checkTask(principal: Principal, access: 'task-claim' | 'task-unclaim' | 'task-complete', task: UserTaskResult, body: ObjectRequest['body']): Promise<void> {
  const details = { userTaskKey: task.userTaskKey };
  if (access !== 'task-complete' && hasRole(principal, 'admin')) return;
  if (!maySeeTask(principal, task)) throw forbidden(principal, `User task "${task.userTaskKey}" is not assigned or offered to "${principal.subject}".`, details);
  const takenByOther = task.assignee !== undefined && task.assignee !== principal.subject;
  if (access === 'task-claim') {
    if (body?.['assignee'] !== principal.subject) throw forbidden(principal, `"${principal.subject}" may claim a task only for themself; only an admin assigns others.`, details);
    if (takenByOther) throw forbidden(principal, `User task "${task.userTaskKey}" is claimed by someone else; they or an admin must unclaim it first.`, details);
  } else if (access === 'task-unclaim') {
    if (task.assignee !== principal.subject) throw forbidden(principal, `"${principal.subject}" may unclaim only a task they claimed.`, details);
  } else if (takenByOther) {
    throw forbidden(principal, `User task "${task.userTaskKey}" is claimed by someone else; only its assignee may complete it.`, details);
  }
}

/**
 * The object check of a route class, before its handler: a worker acts only on jobs of
 * its types; a user claims, unclaims and completes only tasks offered or assigned to
 * them. Throws FORBIDDEN (nothing changed), or the lookup's NOT_FOUND / JOB_NOT_OPEN.
 */
export async function checkObject(principal: Principal, access: Exclude<Access, 'public'>, request: ObjectRequest, engine: EngineApi): Promise<void> {
  switch (access) {
    case 'job-activate': {
      const type = String(request.body?.['type'] ?? '');
      if (!mayWorkOn(principal, type)) throw forbidden(principal, `"${principal.subject}" may not activate jobs of type "${type}"; its job types are ${principal.jobTypes.join(', ') || 'none'}.`, { jobType: type });
      return;
    }
    case 'job': {
      const job = await engine.getJob(request.params['jobKey'] ?? '');
      if (!mayWorkOn(principal, job.type)) throw forbidden(principal, `"${principal.subject}" may not act on job "${job.jobKey}" of type "${job.type}"; its job types are ${principal.jobTypes.join(', ') || 'none'}.`, { jobKey: job.jobKey, jobType: job.type });
      return;
    }
    case 'task-view': {
      const task = await engine.getUserTask(request.params['userTaskKey'] ?? '');
      if (!maySeeTask(principal, task)) throw forbidden(principal, `User task "${task.userTaskKey}" is not assigned or offered to "${principal.subject}".`, { userTaskKey: task.userTaskKey });
      return;
    }
    case 'task-update': {
      const task = await engine.getUserTask(request.params['userTaskKey'] ?? '');
      if (hasRole(principal, 'admin', 'operator') || task.assignee === principal.subject) return;
      throw forbidden(principal, `"${principal.subject}" may change only a user task assigned to them; "${task.userTaskKey}" is not. Claim it first, or ask an operator.`, { userTaskKey: task.userTaskKey });
    }
    case 'task-claim':
    case 'task-unclaim':
    case 'task-complete':
      return checkTask(principal, access, await engine.getUserTask(request.params['userTaskKey'] ?? ''), request.body);
    case 'authenticated':
    case 'deploy':
    case 'read':
    case 'start':
    case 'cancel':
    case 'modify':
    case 'resolve':
    case 'correlate':
    case 'admin':
    case 'task-search':
    case 'store':
      return;
    default:
      return assertNever(access);
  }
}

function assertNever(value: never): never {
  throw new BatonError('INTERNAL', `Unexpected access class ${JSON.stringify(value)}.`);
}
