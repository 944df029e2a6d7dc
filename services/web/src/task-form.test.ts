import { describe, expect, it } from 'vitest';
import { changedVariables, formDataOf, type TaskForm } from './task-form.js';

/** A form as GET /v2/user-tasks/{key}/form serves it for a task without a form of its own. */
const generated: TaskForm = {
  source: 'variables',
  schema: {
    components: [
      { type: 'number', key: 'variable_0', label: 'Amount', variable: 'amount', validate: { required: true } },
      { type: 'textfield', key: 'variable_1', label: 'A.b', variable: 'a.b' },
      { type: 'textfield', key: 'variable_2', label: '(unnamed variable)', variable: '' },
      { type: 'checkbox', key: 'variable_3', label: 'Urgent', variable: 'urgent' },
      { type: 'text', text: '**Order**: `{"id":1}`' },
    ],
  },
  variables: { amount: 5, 'a.b': 'x', '': 'y', urgent: false, order: { id: 1 } },
};

describe('the generated task form (issue 12, finding 4)', () => {
  it('renders each variable under its safe key, so form-js never reads a name as a path', () => {
    expect(formDataOf(generated)).toEqual({ variable_0: 5, variable_1: 'x', variable_2: 'y', variable_3: false });
  });

  it('sends only the values the user changed, under the variable names as they are', () => {
    // given: the user changed `a.b` and the unnamed one, and left the rest
    const data = { ...formDataOf(generated), variable_1: 'x2', variable_2: 'y2' };
    // when
    const sent = changedVariables(generated, data);
    // then
    expect(sent).toEqual({ 'a.b': 'x2', '': 'y2' });
    expect(Object.keys(sent)).not.toContain('a');
  });

  it('sends nothing when nothing changed', () => {
    expect(changedVariables(generated, formDataOf(generated))).toEqual({});
  });

  it('refuses to send a number field whose text was not a number (form-js reads "abc" as null), rather than store null', () => {
    expect(() => changedVariables(generated, { ...formDataOf(generated), variable_0: null })).toThrow('Amount must be a number; the task was not completed.');
  });
});

describe('a form of the model', () => {
  const form: TaskForm = {
    source: 'form',
    schema: { components: [] },
    variables: { customer: 'ACME', comment: 'old', address: { street: 'Old Road', city: 'Bern' } },
  };

  it('sends only changed values, leaves blank fields of absent variables out, and keeps what a nested field does not show', () => {
    // given: what form-js submits: a read-only customer as it was, a changed comment, an empty score, a changed street
    const data = { customer: 'ACME', comment: 'new', score: null, note: '', address: { street: 'Main' } };
    // when
    const sent = changedVariables(form, data);
    // then
    expect(sent).toEqual({ comment: 'new', address: { street: 'Main', city: 'Bern' } });
  });

  it('sends a value the user chose for a variable the task does not have yet', () => {
    expect(changedVariables(form, { approved: false, grade: 'a' })).toEqual({ approved: false, grade: 'a' });
  });

  it('maps a field bound to a safe key back to its dotted variable, beside plain keys', () => {
    // given: camunda:formFields "a.b" (bound to field_0) and "comment" (plain)
    const fields: TaskForm = {
      source: 'formFields',
      schema: { components: [{ type: 'textfield', key: 'field_0', label: 'A.b', variable: 'a.b' }, { type: 'textfield', key: 'comment', label: 'Comment' }] },
      variables: { 'a.b': 'x', comment: 'c' },
    };
    // when
    const data = formDataOf(fields);
    // then
    expect(data).toMatchObject({ field_0: 'x', comment: 'c' });
    expect(changedVariables(fields, { field_0: 'y', comment: 'c' })).toEqual({ 'a.b': 'y' });
  });
});
