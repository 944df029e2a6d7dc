import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLObjectType,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { graphql } from './graphql-module.js';

const { getNamedType, getNullableType, isListType, isObjectType, Kind, valueFromASTUntyped } = graphql;

/** How deep and how costly one GraphQL operation may be, and how large a page. */
export interface QueryLimits {
  /** Nesting levels of fields (`processInstances { items { userTasks { name } } }` is 4). */
  readonly maxDepth: number;
  /** Estimated fields resolved: each field counts once per item of the pages and lists above it. */
  readonly maxCost: number;
  /** The largest `page.limit` (REST's default page, 100, when none is given). */
  readonly maxPageSize: number;
}

/** Items a nested list (an instance's user tasks) is assumed to hold. */
const assumedListSize = 10;
/** REST's page when a search names no limit. */
const defaultPageSize = 100;

/** The refusal of an operation over a limit: `extensions.code` VALIDATION_FAILED, `extensions.limit` which one. */
function overLimit(limit: 'depth' | 'cost' | 'pageSize', message: string, maximum: number, found: number, nodes?: readonly FieldNode[]): GraphQLError {
  return new graphql.GraphQLError(message, { ...(nodes === undefined ? {} : { nodes }), extensions: { code: 'VALIDATION_FAILED', status: 400, limit, maximum, found } });
}

interface Walk {
  readonly context: ValidationContext;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly limits: QueryLimits;
  maxDepth: number;
  cost: number;
}

/** The `page.limit` a field asks for, from a literal or a variable. */
function pageLimitOf(field: FieldNode, variables: Readonly<Record<string, unknown>>): number | undefined {
  const page = field.arguments?.find((argument) => argument.name.value === 'page');
  if (page === undefined) return undefined;
  const value = valueFromASTUntyped(page.value, variables) as { limit?: unknown } | null | undefined;
  return typeof value?.limit === 'number' ? value.limit : undefined;
}

/** How many times each field below `field` resolves per resolution of `field`. */
function fanOut(walk: Walk, field: FieldNode, parent: GraphQLObjectType): number {
  const type = parent.getFields()[field.name.value]?.type;
  if (type === undefined) return 1;
  if (getNamedType(type).name.endsWith('Page')) {
    const limit = pageLimitOf(field, walk.variables);
    if (limit !== undefined && limit > walk.limits.maxPageSize) {
      walk.context.reportError(overLimit('pageSize', `page.limit ${limit} of "${field.name.value}" is over the largest page, ${walk.limits.maxPageSize}; page with "after".`, walk.limits.maxPageSize, limit, [field]));
    }
    return limit ?? defaultPageSize;
  }
  return isListType(getNullableType(type)) && field.name.value !== 'items' ? assumedListSize : 1;
}

function visit(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLObjectType, depth: number, multiplier: number, seen: ReadonlySet<string>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      if (fragment !== undefined && !seen.has(fragment.name.value)) visit(walk, fragment.selectionSet, parent, depth, multiplier, new Set([...seen, fragment.name.value]));
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      visit(walk, selection.selectionSet, parent, depth, multiplier, seen);
      continue;
    }
    // Introspection (GraphiQL's schema query) is bounded by the schema, and off in production.
    if (selection.name.value.startsWith('__')) continue;
    walk.maxDepth = Math.max(walk.maxDepth, depth + 1);
    walk.cost += multiplier;
    const type = getNamedType(parent.getFields()[selection.name.value]?.type);
    if (selection.selectionSet !== undefined && isObjectType(type)) {
      visit(walk, selection.selectionSet, type, depth + 1, multiplier * fanOut(walk, selection, parent), seen);
    }
  }
}

/**
 * A validation rule refusing an operation deeper than `maxDepth`, costlier than `maxCost`
 * or asking for a page over `maxPageSize`, with a message saying what to change.
 * `variables` are the request's, so a page limit given as a variable counts too.
 */
export function limitsRule(limits: QueryLimits, variables: Readonly<Record<string, unknown>> = {}): ValidationRule {
  return (context) => {
    const document = context.getDocument();
    const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    return {
      OperationDefinition(operation) {
        const root = context.getSchema().getRootType(operation.operation);
        if (root === undefined || root === null) return;
        const walk: Walk = { context, fragments, variables, limits, maxDepth: 0, cost: 0 };
        visit(walk, operation.selectionSet, root, 0, 1, new Set());
        const name = operation.name?.value ?? 'anonymous';
        if (walk.maxDepth > limits.maxDepth) {
          context.reportError(overLimit('depth', `Operation "${name}" nests fields ${walk.maxDepth} deep; at most ${limits.maxDepth} are allowed. Ask for fewer nested levels.`, limits.maxDepth, walk.maxDepth));
        }
        if (walk.cost > limits.maxCost) {
          context.reportError(overLimit('cost', `Operation "${name}" would resolve about ${walk.cost} fields; at most ${limits.maxCost} are allowed. Ask for smaller pages (page.limit) or fewer nested fields.`, limits.maxCost, walk.cost));
        }
      },
    };
  };
}
