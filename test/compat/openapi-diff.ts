/**
 * The differences between Baton's /openapi.json and Camunda 8.8's Orchestration Cluster
 * API (issue 13): operations (path and method) either side lacks, and, for each 8.8
 * operation Baton serves, the property names and `required` lists of the JSON request
 * body and the success answer, at every object level. 8.8's side is its JSON Schema as
 * generated from the client's zod schemas (`camunda-schemas.ts`), which were generated
 * from 8.8's `rest-api.yaml`.
 */
import { z, type ZodType } from 'zod';
import { camundaOperationOf, camundaOperations, routeShape, schemaStem, type CamundaSchemas } from './camunda-schemas.js';

type Schema = Readonly<Record<string, unknown>>;

/** An OpenAPI 3 document as far as the diff reads it. */
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Schema>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

/** An object's property names and required list, merged across `allOf`/`anyOf`/`oneOf`. */
interface Shape {
  readonly properties: Map<string, Schema[]>;
  readonly required: Set<string>;
  readonly items: Schema[];
}

function resolver(document: OpenApiDocument | undefined): (schema: Schema) => Schema {
  return (schema) => {
    const ref = schema['$ref'];
    if (typeof ref !== 'string') return schema;
    const name = ref.replace(/^#\/components\/schemas\//, '').replace(/#$/, '');
    return document?.components?.schemas?.[name] ?? schema;
  };
}

function shapeOf(schema: Schema, resolve: (schema: Schema) => Schema): Shape {
  const shape: Shape = { properties: new Map(), required: new Set(), items: [] };
  const resolved = resolve(schema);
  const variants = [...((resolved['allOf'] as Schema[] | undefined) ?? [])];
  const alternatives = [...((resolved['anyOf'] as Schema[] | undefined) ?? []), ...((resolved['oneOf'] as Schema[] | undefined) ?? [])];
  for (const [name, property] of Object.entries((resolved['properties'] as Record<string, Schema> | undefined) ?? {})) shape.properties.set(name, [property]);
  for (const name of (resolved['required'] as string[] | undefined) ?? []) shape.required.add(name);
  if (resolved['items'] !== undefined) shape.items.push(resolved['items'] as Schema);
  for (const variant of [...variants, ...alternatives]) {
    const inner = shapeOf(variant, resolve);
    for (const [name, properties] of inner.properties) shape.properties.set(name, [...(shape.properties.get(name) ?? []), ...properties]);
    shape.items.push(...inner.items);
    // allOf: every part's required fields are required; anyOf/oneOf: a field one variant may omit is not.
    if (variants.includes(variant)) for (const name of inner.required) shape.required.add(name);
  }
  if (alternatives.length > 0 && variants.length === 0 && resolved['properties'] === undefined) {
    const each = alternatives.map((variant) => shapeOf(variant, resolve).required);
    for (const name of each[0] ?? []) if (each.every((required) => required.has(name))) shape.required.add(name);
  }
  return shape;
}

/** One side of the comparison: a schema and how its `$ref`s resolve. */
interface Side {
  readonly schema: Schema | undefined;
  readonly resolve: (schema: Schema) => Schema;
}

function merged(schemas: readonly Schema[]): Schema {
  return schemas.length === 1 ? (schemas[0] ?? {}) : { allOf: schemas };
}

/** Differences between Baton's and 8.8's schema at `path`, as `<kind> <path>` strings. */
function compare(baton: Side, camunda: Side, path: string, depth = 0): string[] {
  if (baton.schema === undefined || camunda.schema === undefined || depth > 8) return [];
  const ours = shapeOf(baton.schema, baton.resolve);
  const theirs = shapeOf(camunda.schema, camunda.resolve);
  const found: string[] = [];
  for (const name of theirs.properties.keys()) if (!ours.properties.has(name) && ours.properties.size > 0) found.push(`${theirs.required.has(name) ? 'missing-required' : 'missing-property'} ${path}.${name}`);
  for (const name of ours.properties.keys()) if (!theirs.properties.has(name) && theirs.properties.size > 0) found.push(`extra-property ${path}.${name}`);
  for (const name of theirs.required) if (ours.properties.has(name) && !ours.required.has(name)) found.push(`not-required ${path}.${name}`);
  for (const name of ours.required) if (theirs.properties.has(name) && !theirs.required.has(name)) found.push(`extra-required ${path}.${name}`);
  for (const [name, properties] of ours.properties) {
    const other = theirs.properties.get(name);
    if (other !== undefined) found.push(...compare({ ...baton, schema: merged(properties) }, { ...camunda, schema: merged(other) }, `${path}.${name}`, depth + 1));
  }
  if (ours.items.length > 0 && theirs.items.length > 0) found.push(...compare({ ...baton, schema: merged(ours.items) }, { ...camunda, schema: merged(theirs.items) }, `${path}[]`, depth + 1));
  return found;
}

function jsonSchema(schema: ZodType | undefined, io: 'input' | 'output'): Schema | undefined {
  if (schema === undefined) return undefined;
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io }) as Schema;
  } catch {
    return undefined;
  }
}

/** A schema with fields to compare (not a void answer or an untyped value). */
function hasShape(schema: Schema | undefined): boolean {
  return schema !== undefined && (schema['type'] === 'object' || schema['type'] === 'array' || schema['properties'] !== undefined || schema['allOf'] !== undefined);
}

function batonBody(operation: Schema): Schema | undefined {
  const content = (operation['requestBody'] as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
  return content?.['application/json']?.schema;
}

function batonAnswer(operation: Schema): Schema | undefined {
  const responses = (operation['responses'] ?? {}) as Record<string, { content?: Record<string, { schema?: Schema }> }>;
  const success = Object.keys(responses).find((status) => /^2\d\d$/.test(status));
  return success === undefined ? undefined : responses[success]?.content?.['application/json']?.schema;
}

/**
 * Every difference, one line each, sorted: `<operation> <where> <kind> <JSON path>`, where
 * `where` is `operation` (served by one side only), `request` or `response`.
 */
export function openApiDifferences(document: OpenApiDocument, schemas: CamundaSchemas): string[] {
  const found: string[] = [];
  const served = new Set<string>();
  const resolve = resolver(document);
  const camundaSide = resolver(undefined);
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const camunda = camundaOperationOf(method, path);
      if (camunda === undefined) {
        if (path.startsWith('/v2/')) found.push(`${method.toUpperCase()} ${path} operation baton-only`);
        continue;
      }
      served.add(routeShape(camunda.method, camunda.path));
      const stem = schemaStem(camunda.operationId);
      const data = schemas[`z${stem}Data`] as (ZodType & { shape?: Record<string, ZodType> }) | undefined;
      const sides = {
        request: [batonBody(operation), jsonSchema(data?.shape?.['body'], 'input')],
        response: [batonAnswer(operation), jsonSchema(schemas[`z${stem}Response`], 'output')],
      } as const;
      for (const [where, [ours, theirs]] of Object.entries(sides)) {
        const lines = ours === undefined && hasShape(theirs) ? ['no-schema $'] : compare({ schema: ours, resolve }, { schema: theirs, resolve: camundaSide }, '$');
        found.push(...lines.map((line) => `${camunda.operationId} ${where} ${line}`));
      }
    }
  }
  for (const operation of camundaOperations) {
    if (!served.has(routeShape(operation.method, operation.path))) found.push(`${operation.operationId} operation not-served`);
  }
  return [...new Set(found)].sort();
}
