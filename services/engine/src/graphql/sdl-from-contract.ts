/**
 * GraphQL object types derived from the wire contract's JSON Schemas (TypeBox in
 * `@baton/api`), so GraphQL answers have the fields and descriptions REST's do:
 * a key (`Key`'s pattern) becomes `ID`, an integer `Int` (`Float` for epoch ms), a number `Float`, an array a
 * list, a nested object a type of its own, a union of strings (a state) `String`; any
 * other union, a record or anything looser `JSON`.
 * A required property is non-null.
 */

/** The parts of a JSON Schema the mapping reads. */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly pattern?: string;
  readonly description?: string;
  readonly additionalProperties?: unknown;
  readonly anyOf?: readonly JsonSchema[];
}

const keyPattern = '^-?[0-9]+$';

/** A description as an SDL block string. */
function described(text: string | undefined, indent = ''): string {
  if (text === undefined || text === '') return '';
  return `${indent}"""${text.replaceAll('"""', '\\"""')}"""\n`;
}

const capitalized = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** The GraphQL type of one property (without `!`), adding the object types it needs to `types`. */
function typeOf(schema: JsonSchema, nameIfObject: string, types: string[]): string {
  switch (schema.type) {
    case 'string':
      return schema.pattern === keyPattern ? 'ID' : 'String';
    case 'integer':
      // An epoch-ms integer (a job's deadline) exceeds GraphQL's 32-bit Int.
      return /epoch/i.test(schema.description ?? '') ? 'Float' : 'Int';
    case 'number':
      return 'Float';
    case 'boolean':
      return 'Boolean';
    case 'array':
      return schema.items === undefined ? 'JSON' : `[${typeOf(schema.items, nameIfObject, types)}!]`;
    case 'object':
      if (schema.properties === undefined || Object.keys(schema.properties).length === 0) return 'JSON';
      types.push(objectType(nameIfObject, schema, types));
      return nameIfObject;
    default:
      return isStringUnion(schema) ? 'String' : 'JSON';
  }
}

/** A union of strings (an enum of literals, as the contract's states): its values are documented in REST's schema. */
const isStringUnion = (schema: JsonSchema): boolean => schema.anyOf !== undefined && schema.anyOf.every((member) => member.type === 'string');

function objectType(name: string, schema: JsonSchema, types: string[]): string {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([field, property]) => {
    const type = typeOf(property, `${name}${capitalized(field)}`, types);
    // Every key says the same ("the decimal string of a 64-bit integer"): ID says it once.
    const description = property.pattern === keyPattern ? undefined : property.description;
    return `${described(description, '  ')}  ${field}: ${type}${required.has(field) ? '!' : ''}`;
  });
  return `${described(schema.description)}type ${name} {\n${fields.join('\n')}\n}`;
}

/** SDL of object type `name` from a contract schema, followed by the types of its nested objects. */
export function sdlOfContractType(name: string, schema: unknown): string {
  const nested: string[] = [];
  const main = objectType(name, schema as JsonSchema, nested);
  return [main, ...nested].join('\n\n');
}
