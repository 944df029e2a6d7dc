import { describe, expect, it } from 'vitest';
import { clip, fields, show, table, variableLines } from './format.js';

describe('human output', () => {
  it('aligns table columns to the widest cell and pads no line end', () => {
    expect(table(['KEY', 'NAME'], [['k-1', 'Approve order'], ['k-22', '-']])).toBe('KEY   NAME\nk-1   Approve order\nk-22  -\n');
  });

  it('aligns name/value lines and leaves out undefined values', () => {
    expect(fields([['instance', 'i-1'], ['ended', undefined], ['state', 'ACTIVE']])).toBe('instance  i-1\nstate     ACTIVE\n');
  });

  it('prints variables sorted, as JSON, or says there are none', () => {
    expect(variableLines({ b: 'x', amount: 150 })).toBe('  amount  150\n  b       "x"\n');
    expect(variableLines({})).toBe('  (none)\n');
  });

  it('shows absent values as "-" and clips long text with an ellipsis', () => {
    expect([show(undefined), show(''), show('a'), show(['g'])]).toEqual(['-', '-', 'a', '["g"]']);
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
  });
});
