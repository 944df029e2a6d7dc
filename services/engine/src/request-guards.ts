import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatonError } from '@baton/errors';
import { checkVariables, type VariableLimits } from '@baton/runtime';

/**
 * What every request body passes before a route sees it (issue 12, findings 2 and 6):
 * JSON that parses, with no key that could reach a prototype; variables within the
 * limits; and no field the route does not know. Registered once, before the routes,
 * so a new route cannot skip them.
 */
export function registerRequestGuards(app: FastifyInstance, variableLimits: VariableLimits): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request: FastifyRequest, body: string | Buffer, done) => {
    try {
      done(null, parseJsonBody(body.toString()));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'variables' in body) {
      checkVariables((body as { variables: unknown }).variables, variableLimits, 'variables');
    }
  });
  app.addHook('onRoute', (route) => {
    const body = (route.schema as { body?: unknown } | undefined)?.body;
    if (route.schema !== undefined && isObjectSchema(body)) route.schema = { ...route.schema, body: closed(body) };
  });
}

type Schema = Readonly<Record<string, unknown>>;

function isObjectSchema(schema: unknown): schema is Schema {
  if (typeof schema !== 'object' || schema === null) return false;
  const { type, properties } = schema as Schema;
  const types = Array.isArray(type) ? type : [type];
  return typeof properties === 'object' && properties !== null && (type === undefined || types.includes('object'));
}

/**
 * A copy of an object schema that refuses fields it does not list, as deep as it
 * lists them: `{"variabels": …}` is a 400 naming the field, not silently ignored.
 * A schema that says `additionalProperties` itself (variables: any keys) keeps it.
 */
function closed(schema: Schema): Schema {
  const properties = Object.fromEntries(
    Object.entries(schema['properties'] as Schema).map(([name, property]) => {
      if (isObjectSchema(property)) return [name, closed(property)];
      const items = (property as Schema | undefined)?.['items'];
      return [name, isObjectSchema(items) ? { ...(property as Schema), items: closed(items) } : property];
    }),
  );
  return 'additionalProperties' in schema ? { ...schema, properties } : { ...schema, properties, additionalProperties: false };
}

/** Keys that reach `Object.prototype` when a body is merged or assigned naively. */
const suspectKey = /"(?:_|\\u005[Ff]){2}(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff]){2}"|"(?:c|\\u0063)(?:o|\\u006[Ff])(?:n|\\u006[Ee])(?:s|\\u0073)(?:t|\\u0074)(?:r|\\u0072)(?:u|\\u0075)(?:c|\\u0063)(?:t|\\u0074)(?:o|\\u006[Ff])(?:r|\\u0072)"/;

/**
 * JSON.parse (iterative in V8: any depth parses; limits are checked after), refusing
 * with VALIDATION_FAILED what does not parse, saying why, and a `__proto__` key or a
 * `constructor` object with a `prototype` key, naming where.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') {
    throw new BatonError('VALIDATION_FAILED', 'Expected a JSON body (content-type application/json) but it is empty; send {} or no content-type.', {
      field: 'body',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BatonError('VALIDATION_FAILED', `Expected a JSON body (content-type application/json) but it does not parse: ${reason}. Send valid JSON.`, {
      field: 'body',
    });
  }
  if (suspectKey.test(text)) refusePrototypeKeys(parsed);
  return parsed;
}

/** Walks the parsed body (iteratively: it may be deep) for a key that could pollute a prototype. */
function refusePrototypeKeys(parsed: unknown): void {
  const stack: { value: unknown; path: string }[] = [{ value: parsed, path: '' }];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (typeof at.value !== 'object' || at.value === null) continue;
    for (const [key, value] of Object.entries(at.value)) {
      const path = at.path === '' ? key : `${at.path}.${key}`;
      const isConstructorPrototype = key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype');
      if (key === '__proto__' || isConstructorPrototype) {
        const what = key === '__proto__' ? '"__proto__"' : '"constructor" with a "prototype" key';
        throw new BatonError(
          'VALIDATION_FAILED',
          `Expected a JSON body without keys that reach object prototypes, but found a key ${what} at "${path}"; ` +
            'keys named __proto__ and constructor.prototype are refused. Rename the key.',
          { field: key === '__proto__' ? path : `${path}.prototype` },
        );
      }
      stack.push({ value, path });
    }
  }
}
