/** The page the location hash names. */
export type View =
  | { readonly name: 'tasks' }
  | { readonly name: 'ops' }
  | { readonly name: 'instance'; readonly processInstanceKey: string }
  | { readonly name: 'definitions' }
  | { readonly name: 'definition'; readonly processDefinitionKey: string };

/**
 * `#/` the task list, `#/ops` operations, `#/ops/<instance key>` one instance,
 * `#/definitions` the process definitions, `#/definitions/<definition key>` one with its diagram.
 * Anything else is the task list.
 */
export function viewOf(hash: string): View {
  const [, section, rawKey] = hash.split('/');
  const key = rawKey === undefined || rawKey === '' ? undefined : decoded(rawKey);
  if (section === 'ops') return key === undefined ? { name: 'ops' } : { name: 'instance', processInstanceKey: key };
  if (section === 'definitions') return key === undefined ? { name: 'definitions' } : { name: 'definition', processDefinitionKey: key };
  return { name: 'tasks' };
}

/** A key as typed; one with a stray `%` stays as it is rather than failing the page. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
