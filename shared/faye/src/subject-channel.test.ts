import { describe, expect, it } from 'vitest';
import { channelToSubject, patternToChannel, subjectMatches, subjectToChannel } from './subject-channel.js';

describe('subject ↔ channel', () => {
  it('maps dots to slashes and back', () => {
    expect(subjectToChannel('baton.c1.actions.print')).toBe('/baton/c1/actions/print');
    expect(channelToSubject('/baton/c1/actions/print')).toBe('baton.c1.actions.print');
  });

  it.each(['a.*', 'a.>', 'a..b', 'a.b c', '_baton.join', 'a.b#'])('refuses %s as a subject with VALIDATION_FAILED', (subject) => {
    expect(() => subjectToChannel(subject)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it.each([
    ['a.b', '/a/b', true],
    ['a.*', '/a/*', true],
    ['a.>', '/a/**', true],
    ['>', '/**', true],
    ['*', '/*', true],
    ['a.*.c', '/a/**', false],
    ['*.b', '/**', false],
  ])('subscribes %s as %s (exact: %s)', (pattern, channel, isExact) => {
    expect(patternToChannel(pattern)).toEqual({ channel, isExact });
  });

  it('refuses > before the last token', () => {
    expect(() => patternToChannel('a.>.c')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it.each([
    ['a.*.c', 'a.b.c', true],
    ['a.*.c', 'a.b.d', false],
    ['a.>', 'a', false],
    ['a.>', 'a.b.c', true],
    ['a.*', 'a.b.c', false],
  ])('%s matches %s: %s', (pattern, subject, isMatch) => {
    expect(subjectMatches(pattern, subject)).toBe(isMatch);
  });
});
