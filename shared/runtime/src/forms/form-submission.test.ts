import { describe, expect, it } from 'vitest';
import type { FormComponent, FormSchema } from './form-fields.js';
import { checkFormSubmission } from './form-submission.js';

const schemaOf = (...components: FormComponent[]): FormSchema => ({ type: 'default', id: 'f', schemaVersion: 16, components });

/** The fields a refusal names, or [] when the submission passes. */
function refusedFields(schema: FormSchema, current: Record<string, unknown>, submitted: Record<string, unknown>): string[] {
  try {
    checkFormSubmission(schema, current, submitted, 'ut-1');
    return [];
  } catch (error) {
    const { code, details } = error as { code: string; details: { problems: { field: string }[] } };
    expect(code).toBe('VALIDATION_FAILED');
    return details.problems.map((p) => p.field);
  }
}

describe('checkFormSubmission (issue 12, finding 4)', () => {
  const group: FormComponent = { type: 'group', path: 'order', components: [{ type: 'number', key: 'qty', label: 'Quantity' }] };
  const list: FormComponent = { type: 'dynamiclist', path: 'items', components: [{ type: 'textfield', key: 'name' }] };
  const locked: FormComponent = { type: 'textfield', key: 'note', readonly: '=approved' };
  const bound: FormComponent = { type: 'textfield', key: 'field_0', variable: 'a.b' };
  const tags: FormComponent = { type: 'taglist', key: 'tags', values: [{ label: 'A', value: 'a' }] };

  it.each([
    ['a number inside a group path', schemaOf(group), {}, { order: { qty: 2 } }, []],
    ['text inside a group path', schemaOf(group), {}, { order: { qty: 'two' } }, ['variables.order.qty']],
    ['a dynamic list as a whole', schemaOf(list), {}, { items: [{ name: 'x' }] }, []],
    ['a field read-only by an expression (cannot be evaluated here: locked)', schemaOf(locked), {}, { note: 'x' }, ['variables.note']],
    ['a tag outside the static options', schemaOf(tags), {}, { tags: ['a', 'z'] }, ['variables.tags']],
    ['tags within the options', schemaOf(tags), {}, { tags: ['a'] }, []],
    ['an unchanged variable the form does not show', schemaOf(tags), { other: { deep: [1] } }, { other: { deep: [1] } }, []],
    ['a variable named __proto__', schemaOf(tags), {}, JSON.parse('{"__proto__": 1}') as Record<string, unknown>, ['variables.__proto__']],
    ['a field bound to a dotted variable, written as itself', schemaOf(bound), {}, { 'a.b': 'y' }, []],
    ['a field bound to a dotted variable, written as a path', schemaOf(bound), {}, { a: { b: 'y' } }, ['variables.a']],
    ['a form whose components are not a list', { ...schemaOf(), components: 'none' as unknown as FormComponent[] }, {}, { x: 1 }, ['variables.x']],
  ])('%s', (_, schema, current, submitted, fields) => {
    expect(refusedFields(schema, current, submitted)).toEqual(fields);
  });
});
