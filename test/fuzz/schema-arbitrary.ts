import fc from 'fast-check';

/** The part of JSON Schema the route schemas use. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly required?: readonly string[];
  readonly $ref?: string;
}

/** Values of the wrong kind, to put where a schema wants another. */
const wrong: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, -1, 0, 1e300, 2 ** 53 + 1, '', ' ', '__proto__', 'null', '-1', '1.5', '9'.repeat(40)),
  fc.string({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant({ __proto__: { polluted: true } }),
);

/**
 * Values for a JSON schema, of the right shape (strings from `strings`: real keys
 * and names of the node under test, so requests reach past validation); when
 * noisy, now and then of a wrong kind, with an unknown field here and there.
 */
export function valueFor(schema: JsonSchema | undefined, context: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  if (schema?.$ref !== undefined) return valueFor(context.resolve(schema.$ref), context, depth);
  if (schema === undefined || depth > 4) return context.isNoisy ? wrong : fc.constant(null);
  const right = rightValueFor(schema, context, depth);
  return context.isNoisy ? fc.oneof({ arbitrary: right, weight: 6 }, { arbitrary: wrong, weight: 1 }) : right;
}

/** What `valueFor` draws from: real strings of the node, `$ref` lookup, and whether to put wrong values and unknown fields in. */
export interface SchemaContext {
  readonly strings: readonly string[];
  readonly resolve: (ref: string) => JsonSchema | undefined;
  readonly isNoisy: boolean;
}

function rightValueFor(schema: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const { strings } = context;
  const inner = (s: JsonSchema | undefined) => valueFor(s, context, depth + 1);
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const choices = schema.oneOf ?? schema.anyOf;
  if (schema.type === undefined && choices !== undefined && choices.length > 0) return fc.oneof(...choices.map(inner));
  const type = Array.isArray(schema.type) ? (schema.type[0] as string | undefined) : (schema.type as string | undefined);
  switch (type) {
    case 'string':
      return fc.oneof({ arbitrary: fc.constantFrom(...strings), weight: 3 }, { arbitrary: fc.string({ maxLength: 16 }), weight: 1 });
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom(0, 1, 60_000, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 0.5));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(inner(schema.items), { maxLength: 3 });
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const fields = Object.fromEntries(properties.map(([name, s]) => [name, inner(s)]));
      if (!context.isNoisy) {
        // One way to be complete: the schema's required fields and those of one of its anyOf/oneOf branches.
        const branches = (choices ?? [{}]).map((branch) => [...(schema.required ?? []), ...(branch.required ?? [])].filter((name) => name in fields));
        return fc.constantFrom(...branches).chain((requiredKeys) => fc.record(fields, { requiredKeys }));
      }
      const known = fc.record(fields, { requiredKeys: [] });
      const extra = fc.option(fc.tuple(fc.constantFrom('variabels', 'x', '__proto__', 'constructor', ''), fc.jsonValue({ maxDepth: 1 })), { nil: undefined, freq: 5 });
      return fc.tuple(known, extra).map(([value, more]) => (more === undefined ? value : Object.defineProperty({ ...value }, more[0], { value: more[1], enumerable: true })));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
