import { describe, expect, it } from 'vitest';
import { viewOf } from './views.js';

describe('the view a location hash names', () => {
  it.each([
    ['', { name: 'tasks' }],
    ['#/', { name: 'tasks' }],
    ['#/elsewhere', { name: 'tasks' }],
    ['#/ops', { name: 'ops' }],
    ['#/ops/', { name: 'ops' }],
    ['#/ops/i-1', { name: 'instance', processInstanceKey: 'i-1' }],
    ['#/definitions', { name: 'definitions' }],
    ['#/definitions/pay%3A2', { name: 'definition', processDefinitionKey: 'pay:2' }],
    ['#/definitions/a%20b%2F1', { name: 'definition', processDefinitionKey: 'a b/1' }],
    ['#/definitions/100%', { name: 'definition', processDefinitionKey: '100%' }],
  ])('%s', (hash, view) => {
    expect(viewOf(hash)).toEqual(view);
  });
});
