/** A form-js component, as far as Baton reads and writes it. */
export interface FormComponent {
  readonly type: string;
  readonly key?: string;
  readonly path?: string;
  readonly label?: string;
  readonly text?: string;
  readonly defaultValue?: unknown;
  readonly readonly?: unknown;
  readonly disabled?: unknown;
  readonly subtype?: string;
  readonly values?: readonly { readonly label: string; readonly value: unknown }[];
  readonly validate?: FormValidation;
  readonly components?: readonly FormComponent[];
  readonly [field: string]: unknown;
}

export interface FormValidation {
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

/** A form-js schema (Camunda Forms). */
export interface FormSchema {
  readonly type: 'default';
  readonly id: string;
  readonly schemaVersion: number;
  readonly components: readonly FormComponent[];
}

/** One node of the tree of value paths a form binds: a field at the node, or fields below it. */
export interface FieldNode {
  field?: FormComponent;
  readonly children: Map<string, FieldNode>;
}

/** The form-js components that bind a value by `key` (form-js `config.keyed`). */
const keyedTypes = new Set(['checkbox', 'checklist', 'datetime', 'number', 'radio', 'select', 'taglist', 'expression', 'textfield', 'textarea', 'filepicker']);

/** form-js treats `true` as on; an expression (`=…`) cannot be evaluated here, so it counts as on too: the safe side. */
export const isLocked = (component: FormComponent): boolean =>
  component.readonly === true || component.disabled === true || (typeof component.readonly === 'string' && component.readonly.startsWith('=')) || (typeof component.disabled === 'string' && component.disabled.startsWith('='));

function nodeAt(root: FieldNode, path: readonly string[]): FieldNode {
  let node = root;
  for (const segment of path) {
    let child = node.children.get(segment);
    if (child === undefined) node.children.set(segment, (child = { children: new Map() }));
    node = child;
  }
  return node;
}

/**
 * The value paths of `components` as form-js computes them (`PathRegistry.getValuePath`):
 * a keyed field's `key` split on dots, under the `path` of each enclosing group; a dynamic
 * list owns everything under its `path` (its items are not checked one by one). A field
 * that names its `variable` binds that one variable, dots and all.
 */
export function fieldTree(components: readonly FormComponent[], root: FieldNode = { children: new Map() }, prefix: readonly string[] = []): FieldNode {
  // A deployed form is checked only for its id: any other shape binds nothing here.
  for (const component of Array.isArray(components) ? components : []) {
    if (typeof component !== 'object' || component === null) continue;
    const own = typeof component.path === 'string' && component.path !== '' ? component.path.split('.') : [];
    // Baton's own forms bind a variable form-js would misread as a path (`a.b`, ``) to a safe key and name it in `variable`.
    if (keyedTypes.has(component.type) && typeof component.variable === 'string') nodeAt(root, [...prefix, component.variable]).field = component;
    else if (keyedTypes.has(component.type) && typeof component.key === 'string') nodeAt(root, [...prefix, ...component.key.split('.')]).field = component;
    else if (component.type === 'dynamiclist' && own.length > 0) nodeAt(root, [...prefix, ...own]).field = component;
    else if (component.components !== undefined) fieldTree(component.components, root, [...prefix, ...own]);
  }
  return root;
}

/** Every field of the tree with its value path. */
export function* fieldsOf(node: FieldNode, path: readonly string[] = []): Generator<{ field: FormComponent; path: readonly string[] }> {
  if (node.field !== undefined) yield { field: node.field, path };
  for (const [segment, child] of node.children) yield* fieldsOf(child, [...path, segment]);
}
