import type {
  UserTaskAssignmentRequest,
  UserTaskChangeset,
  UserTaskResult,
  UserTaskSearchQuery,
  UserTaskSearchQueryResult,
  UserTaskVariableSearchQuery,
  VariableSearchQueryResult,
} from '@baton/api';
import type { FormField } from '@baton/model';

/** What the model says about a user task's form, and the variables the task sees. */
export interface UserTaskForm {
  readonly userTaskKey: string;
  /** The deployed form's key (Camunda's `formKey`), when the task links a deployed form. */
  readonly formKey?: string;
  /** A form-js schema embedded in the model (`zeebe:userTaskForm`) or deployed and linked, as text. */
  readonly formJson?: string;
  /** `camunda:formField`s of the model. */
  readonly formFields: readonly FormField[];
  /** The instance's variables as seen from the task (its scope chain). */
  readonly variables: Record<string, unknown>;
}

/**
 * The user-task operations of the HTTP facade (part of `EngineApi`), in the contract's
 * shapes (`@baton/api`). Baton keeps open tasks only: an ended or unknown task is
 * `NOT_FOUND`; a command on a task that closed meanwhile is `STALE_COMMAND`.
 */
export interface UserTasksApi {
  /**
   * Open tasks matching the query that `isVisible` admits (authorization by object:
   * a user sees the tasks assigned or offered to them), sorted and paged after that
   * check, so `totalItems` counts only what the caller may see.
   */
  searchUserTasks(query: UserTaskSearchQuery, isVisible?: (task: UserTaskResult) => boolean): Promise<UserTaskSearchQueryResult>;
  getUserTask(userTaskKey: string): Promise<UserTaskResult>;
  /** Changes dates, candidates or priority; VALIDATION_FAILED for an empty changeset. */
  updateUserTask(userTaskKey: string, changeset: UserTaskChangeset): Promise<void>;
  /** `allowOverride` false: TASK_ALREADY_ASSIGNED when someone else holds the task. */
  assignUserTask(userTaskKey: string, request: Pick<UserTaskAssignmentRequest, 'assignee' | 'allowOverride'>): Promise<void>;
  unassignUserTask(userTaskKey: string): Promise<void>;
  /** `check` sees the task's form (as `getUserTaskForm` gives it) before the completion, from the same read; a throw refuses the completion. */
  /** `completedBy`: the person completing it, when known (swimlanes, issue 16). */
  completeUserTask(userTaskKey: string, variables: Record<string, unknown>, check?: (form: UserTaskForm) => void, completedBy?: string): Promise<void>;
  getUserTaskForm(userTaskKey: string): Promise<UserTaskForm>;
  /** The variables the task sees: one per name, the innermost scope's, innermost scope first unless sorted. */
  searchUserTaskVariables(userTaskKey: string, query: UserTaskVariableSearchQuery): Promise<VariableSearchQueryResult>;
}
