import { Option, type Command } from 'commander';
import type { UserTask, UserTaskSearch, UserTaskStateName } from '@baton/client';
import type { CommandContext } from '../io.js';
import { show, table } from '../remote/format.js';
import { againstNode, printJson, withNodeOptions, type NodeFlags } from '../remote/node.js';
import { variablesOf, withVariableOptions, type VariableFlags } from '../remote/variables.js';

interface TasksFlags extends NodeFlags {
  readonly assignee?: string;
  readonly group?: string;
  readonly user?: string;
  readonly instance?: string;
  readonly state: UserTaskStateName;
}

function searchOf(flags: TasksFlags): UserTaskSearch {
  return {
    filter: {
      state: flags.state,
      ...(flags.assignee === undefined ? {} : { assignee: flags.assignee }),
      ...(flags.group === undefined ? {} : { candidateGroup: flags.group }),
      ...(flags.user === undefined ? {} : { candidateUser: flags.user }),
      ...(flags.instance === undefined ? {} : { processInstanceKey: flags.instance }),
    },
    page: { limit: 1000 },
  };
}

function candidates(task: UserTask): string {
  const all = [...task.candidateGroups.map((g) => `group:${g}`), ...task.candidateUsers.map((u) => `user:${u}`)];
  return all.length === 0 ? '-' : all.join(',');
}

function formatTasks(tasks: readonly UserTask[], total: number, state: UserTaskStateName): string {
  if (tasks.length === 0) return `no ${state === 'CREATED' ? 'open' : state.toLowerCase()} user tasks\n`;
  const rows = tasks.map((t) => [t.userTaskKey, t.elementId, show(t.name), show(t.assignee), candidates(t), t.processInstanceKey]);
  const more = total > tasks.length ? `(${tasks.length} of ${total} shown)\n` : '';
  return `${table(['KEY', 'ELEMENT', 'NAME', 'ASSIGNEE', 'CANDIDATES', 'INSTANCE'], rows)}${more}`;
}

function registerList(program: Command, ctx: CommandContext): void {
  const command = program
    .command('tasks')
    .summary('list open user tasks')
    .description('Lists user tasks (open ones unless --state says otherwise): key, element, name, assignee, candidates, instance.')
    .option('--assignee <user>', 'only tasks assigned to this user')
    .option('--group <group>', 'only tasks this candidate group may take')
    .option('--user <user>', 'only tasks this candidate user may take')
    .option('--instance <key>', 'only tasks of this process instance')
    .addOption(new Option('--state <state>', 'task state').choices(['CREATED', 'COMPLETED', 'CANCELED']).default('CREATED'));
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton tasks\n  $ baton tasks --group managers --json\n')
    .action(async (flags: TasksFlags) =>
      againstNode(ctx, 'tasks', flags, async (client) => {
        const found = await client.searchUserTasks(searchOf(flags));
        if (flags.json === true) printJson(ctx, found);
        else ctx.io.stdout(formatTasks(found.items, found.page.totalItems, flags.state));
      }),
    );
}

function registerComplete(program: Command, ctx: CommandContext): void {
  const command = program
    .command('complete-task')
    .summary('complete a user task, with variables')
    .description('Completes the open user task KEY (as `baton tasks` lists it), setting the variables given; the instance moves on.')
    .argument('<key>', 'the user task key');
  withVariableOptions(command, 'to complete with');
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton complete-task 2251799813685260 --var approved=true\n  $ baton complete-task 2251799813685260 --variables \'{"approved":false,"reason":"too big"}\'\n')
    .action(async (key: string, flags: NodeFlags & VariableFlags) =>
      againstNode(ctx, 'complete-task', flags, async (client) => {
        await client.completeUserTask(key, variablesOf(flags));
        if (flags.json === true) printJson(ctx, { userTaskKey: key, completed: true });
        else ctx.io.stdout(`completed user task ${key}\n`);
      }),
    );
}

function registerClaim(program: Command, ctx: CommandContext): void {
  const command = program
    .command('claim-task')
    .summary('assign a user task to someone')
    .description('Assigns the open user task KEY to --assignee (claim).')
    .argument('<key>', 'the user task key')
    .requiredOption('--assignee <user>', 'who takes the task');
  withNodeOptions(command)
    .addHelpText('after', '\nExamples:\n  $ baton claim-task 2251799813685260 --assignee ann\n')
    .action(async (key: string, flags: NodeFlags & { readonly assignee: string }) =>
      againstNode(ctx, 'claim-task', flags, async (client) => {
        await client.assignUserTask(key, flags.assignee);
        if (flags.json === true) printJson(ctx, { userTaskKey: key, assignee: flags.assignee });
        else ctx.io.stdout(`assigned user task ${key} to ${flags.assignee}\n`);
      }),
    );
}

/** `baton tasks`, `baton complete-task KEY`, `baton claim-task KEY --assignee U`: the task list. */
export function registerTasks(program: Command, ctx: CommandContext): void {
  registerList(program, ctx);
  registerComplete(program, ctx);
  registerClaim(program, ctx);
}
