import { createRequire } from 'node:module';
import type * as GraphqlModule from 'graphql';

/**
 * `graphql` as mercurius loads it (CommonJS). An ESM `import` resolves to the same file
 * under Node but to graphql's separate ESM build under Vite (tests), whose types and
 * errors fail graphql's own realm checks ("Cannot use GraphQLNonNull from another module");
 * loading it one way avoids that everywhere.
 */
export const graphql = createRequire(import.meta.url)('graphql') as typeof GraphqlModule;
