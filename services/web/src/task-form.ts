type Data = Record<string, unknown>;

/** A task's form as the task list uses it: the form-js schema (GET /v2/user-tasks/{key}/form sends it as JSON text) and the variables to fill it with. */
export interface TaskForm {
  readonly source: 'form' | 'formFields' | 'variables';
  readonly schema: { readonly components: readonly unknown[] } & Record<string, unknown>;
  readonly variables: Record<string, unknown>;
}

/** A field the node bound to a safe `key` because form-js would misread its variable's name as a path; it names its `variable`. */
interface BoundField {
  readonly type: string;
  readonly key: string;
  readonly label?: string;
  readonly variable: string;
}

const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `data[key]` if it is its own property (a variable may be named `__proto__` or `constructor`). */
const own = (data: Data, key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);

const isBound = (component: unknown): component is BoundField =>
  isObject(component) && typeof component['key'] === 'string' && typeof component['variable'] === 'string' && typeof component['type'] === 'string';

const boundFields = (form: TaskForm): BoundField[] => form.schema.components.filter(isBound);

/** JSON with object keys sorted, so two values compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value) ?? 'undefined';
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
    .join(',')}}`;
}

/** What form-js shows for a field nobody filled in: null, '', or an object of such. */
const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '' || (isObject(value) && Object.values(value).every(isBlank));

/** `value` over `before`, object by object, so what the form does not show of a variable stays. */
function mergedOver(before: unknown, value: unknown): unknown {
  if (!isObject(before) || !isObject(value)) return value;
  // Entries, not assignments: a variable may be named `__proto__`.
  return Object.fromEntries([...Object.entries(before).filter(([key]) => !Object.hasOwn(value, key)), ...Object.entries(value).map(([key, inner]) => [key, mergedOver(own(before, key), inner)])]);
}

/**
 * The data to render `form` with. A generated form, and a field whose variable's name form-js
 * would read as a path, bind the variable to a safe key (`variable_0`, `field_1`): else `a.b`
 * would become `{a: {b}}` and an empty name would be replaced (issue 12, finding 4).
 */
export function formDataOf(form: TaskForm): Data {
  const shown = form.source === 'variables' ? [] : Object.entries(form.variables);
  const bound = boundFields(form).filter((field) => Object.hasOwn(form.variables, field.variable));
  return Object.fromEntries([...shown, ...bound.map((field) => [field.key, own(form.variables, field.variable)])]);
}

/** A bound field's new value, as form-js gives it; never coerced (a number field whose text was not a number is refused). */
function boundValue(field: BoundField, value: unknown): unknown {
  if (field.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new Error(`${field.label ?? field.variable} must be a number; the task was not completed.`);
  }
  return value;
}

/**
 * The variables a completion sends: only those the user changed (issue 12, finding 4).
 * A value equal to the task's, or a blank field for a variable the task does not have,
 * is not sent; an object is sent with what the form does not show of it kept.
 */
export function changedVariables(form: TaskForm, data: Data): Data {
  const bound = boundFields(form);
  const keys = new Set(bound.map((field) => field.key));
  const entries: [string, unknown][] = [
    ...bound.filter((field) => Object.hasOwn(data, field.key)).map((field): [string, unknown] => [field.variable, own(data, field.key)]),
    ...(form.source === 'variables' ? [] : Object.entries(data).filter(([key]) => !keys.has(key))),
  ];
  const changed: [string, unknown][] = [];
  for (const [name, value] of entries) {
    const before = own(form.variables, name);
    const after = mergedOver(before, value);
    if ((before === undefined && isBlank(after)) || canonical(before) === canonical(after)) continue;
    const field = bound.find((f) => f.variable === name);
    changed.push([name, field === undefined ? after : boundValue(field, after)]);
  }
  return Object.fromEntries(changed);
}
