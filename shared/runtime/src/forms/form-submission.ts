import { BatonError, type Problem } from '@baton/errors';
import { fieldsOf, fieldTree, isLocked, type FieldNode, type FormComponent, type FormSchema } from './form-fields.js';

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `json[key]` when it is its own (a variable may be named `constructor` or `__proto__`). */
const own = (json: Json, key: string): unknown => (Object.hasOwn(json, key) ? json[key] : undefined);

/** JSON equality: objects by own keys (order ignored), arrays in order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (!isObject(a) || !isObject(b)) return Object.is(a, b);
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

const valueAt = (variables: Json, path: readonly string[]): unknown => path.reduce<unknown>((value, segment) => (isObject(value) ? own(value, segment) : undefined), variables);

const shown = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));
const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === '';

/** The static options of a select, radio, checklist or taglist; undefined when they come from a variable or an expression. */
const optionsOf = (field: FormComponent): readonly unknown[] | undefined => (Array.isArray(field.values) ? field.values.map((option) => option.value) : undefined);

function typeProblem(field: FormComponent, value: unknown): string | undefined {
  const options = optionsOf(field);
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `must be a number, found ${shown(value)}`;
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : `must be true or false, found ${shown(value)}`;
    case 'textfield':
    case 'textarea':
    case 'datetime':
      return typeof value === 'string' ? undefined : `must be a string, found ${shown(value)}`;
    case 'select':
    case 'radio':
      if (value === null || options === undefined || options.some((option) => sameJson(option, value))) return undefined;
      return `must be one of ${JSON.stringify(options)}, found ${shown(value)}`;
    case 'checklist':
    case 'taglist':
      if (!Array.isArray(value)) return `must be a list, found ${shown(value)}`;
      if (options === undefined || value.every((item) => options.some((option) => sameJson(option, item)))) return undefined;
      return `must list only ${JSON.stringify(options)}, found ${shown(value)}`;
    default:
      return undefined;
  }
}

function ruleProblem(field: FormComponent, value: unknown): string | undefined {
  const rules = field.validate ?? {};
  if (isEmpty(value)) return rules.required === true ? 'is required' : undefined;
  if (typeof value === 'number') {
    if (rules.min !== undefined && value < rules.min) return `must be at least ${rules.min}`;
    if (rules.max !== undefined && value > rules.max) return `must be at most ${rules.max}`;
  }
  if (typeof value === 'string') {
    if (rules.minLength !== undefined && value.length < rules.minLength) return `must have at least ${rules.minLength} characters`;
    if (rules.maxLength !== undefined && value.length > rules.maxLength) return `must have at most ${rules.maxLength} characters`;
    if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern})$`).test(value)) return `must match ${rules.pattern}`;
  }
  return undefined;
}

interface Found {
  readonly path: readonly string[];
  readonly field?: FormComponent;
  readonly problem: string;
}

/** What writing `submitted` over `current` at `path` changes that the form does not let the user edit. */
function writeProblems(node: FieldNode | undefined, path: readonly string[], current: unknown, submitted: unknown): Found[] {
  if (sameJson(current, submitted)) return [];
  const field = node?.field;
  if (field !== undefined) {
    if (isLocked(field)) return [{ path, field, problem: 'is read-only in this form; leave it out of the completion' }];
    const problem = submitted === undefined ? undefined : typeProblem(field, submitted);
    return problem === undefined ? [] : [{ path, field, problem }];
  }
  if (node !== undefined && node.children.size > 0 && isObject(submitted)) {
    const before = isObject(current) ? current : {};
    const keys = new Set([...Object.keys(before), ...Object.keys(submitted)]);
    return [...keys].flatMap((key) => writeProblems(node.children.get(key), [...path, key], own(before, key), own(submitted, key)));
  }
  return [{ path, problem: 'is not a field this form lets the user edit; leave it out of the completion' }];
}

/**
 * The one check of a user task completion against its form (issue 12, finding 4), for
 * every door (REST, GraphQL, the bus API, an engine in a page): `submitted` may change only
 * what the form lets the user edit — its keyed fields that are not disabled or read-only,
 * at the value paths form-js binds (`key` split on dots, under group paths) — with values
 * of the field's type (number, boolean, string, one of static options); a value equal to
 * the current one is no change and always passes. Then every rule of the form (required,
 * min, max, minLength, maxLength, pattern) holds on the variables the task would end with.
 * Throws VALIDATION_FAILED whose `problems` name each field as `variables.<path>`.
 */
export function checkFormSubmission(schema: FormSchema, current: Json, submitted: Json, userTaskKey: string): void {
  const tree = fieldTree(schema.components);
  const found = Object.keys(submitted).flatMap((key) => writeProblems(tree.children.get(key), [key], own(current, key), own(submitted, key)));
  const after = { ...current, ...submitted };
  for (const { field, path } of fieldsOf(tree)) {
    const problem = found.some((f) => f.path.join('.') === path.join('.')) ? undefined : ruleProblem(field, valueAt(after, path));
    if (problem !== undefined) found.push({ path, field, problem });
  }
  if (found.length === 0) return;
  const problems: Problem[] = found.map(({ path, field, problem }) => ({
    code: 'VALIDATION_FAILED',
    field: `variables.${path.join('.')}`,
    message: `${field?.label ?? path.join('.')} ${problem}`,
  }));
  const first = problems[0] as Problem;
  throw new BatonError('VALIDATION_FAILED', `The form of user task "${userTaskKey}" is not filled in correctly: ${problems.map((p) => p.message).join('; ')}. Correct these fields and complete the task again.`, {
    field: first.field,
    userTaskKey,
    problems,
  });
}
