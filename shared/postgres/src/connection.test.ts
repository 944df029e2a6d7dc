import { describe, expect, it } from 'vitest';
import { checkSchema, poolSizeOf, redactUrl, statementTimeoutOf } from './connection.js';

describe('Postgres connection options', () => {
  it.each([
    ['postgres://u@h:5432/db?pool_size=20', 20],
    ['postgres://u@h:5432/db?sslmode=require&pool_size=1', 1],
    ['postgres://u@h:5432/db', undefined],
    ['postgresql:///db?host=/var/run/postgresql&pool_size=3', 3],
  ])('reads the pool size of %s', (url, size) => {
    expect(poolSizeOf(url)).toBe(size);
  });

  it.each(['0', '-2', '1.5', 'many'])('refuses pool_size=%s with VALIDATION_FAILED', (value) => {
    expect(() => poolSizeOf(`postgres://u@h/db?pool_size=${value}`)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it.each([
    ['postgres://u@h:5432/db?statement_timeout=3000', 3000],
    ['postgres://u@h:5432/db?sslmode=verify-full&statement_timeout=1', 1],
    ['postgres://u@h:5432/db', undefined],
  ])('reads the statement timeout of %s', (url, ms) => {
    expect(statementTimeoutOf(url)).toBe(ms);
  });

  it.each(['0', '-1', '2.5', '5s'])('refuses statement_timeout=%s with VALIDATION_FAILED naming the parameter', (value) => {
    expect(() => statementTimeoutOf(`postgres://u@h/db?statement_timeout=${value}`)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'statement_timeout', value } }));
  });

  it('accepts schema names Postgres takes unquoted, and refuses others', () => {
    expect(checkSchema('baton_2')).toBe('baton_2');
    for (const bad of ['Baton', 'a-b', 'x; DROP TABLE y', '']) expect(() => checkSchema(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('hides the credentials of a URL in messages', () => {
    expect(redactUrl('postgres://baton:s3cret@db:5432/baton')).toBe('postgres://***@db:5432/baton');
  });
});
