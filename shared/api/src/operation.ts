import { Type, type Static, type TNull, type TSchema } from '@sinclair/typebox';

/** An HTTP method an operation uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What an operation is declared with: its route, its schemas, and words for `/openapi.json`. */
export interface OperationSpec<Params extends TSchema | undefined, Body extends TSchema | undefined, Response extends TSchema | undefined> {
  readonly method: HttpMethod;
  /** Fastify's path syntax: `/v2/jobs/:jobKey`. */
  readonly path: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly params?: Params;
  readonly body?: Body;
  /** The 200 answer; absent: the operation answers 204 with no body. */
  readonly response?: Response;
}

/** A 204 answer with no body. */
export const NoContent = Type.Null({ description: 'Done.' });

/**
 * One operation of the wire contract: its method and path, and `schema` in the shape
 * Fastify takes (`{ tags, summary, params, body, response }`): routes validate and
 * serialise with it and `/openapi.json` lists it. `Static<typeof op.body>` etc. are the
 * types the route, the client and the bus API share.
 */
export interface Operation<Params extends TSchema | undefined, Body extends TSchema | undefined, Response extends TSchema | undefined>
  extends OperationSpec<Params, Body, Response> {
  readonly status: 200 | 204;
  readonly schema: OperationSchema<Params, Body, Response>;
}

/** Fastify's route schema of an operation; a part the operation lacks is absent, so a type provider infers the rest. */
export type OperationSchema<Params, Body, Response> = { readonly tags: readonly string[]; readonly summary: string } & (Params extends TSchema
  ? { readonly params: Params }
  : unknown) &
  (Body extends TSchema ? { readonly body: Body } : unknown) & { readonly response: Response extends TSchema ? { readonly 200: Response } : { readonly 204: TNull } };

/** Declares an operation; see {@link Operation}. */
export function operation<Params extends TSchema | undefined = undefined, Body extends TSchema | undefined = undefined, Response extends TSchema | undefined = undefined>(
  spec: OperationSpec<Params, Body, Response>,
): Operation<Params, Body, Response> {
  const { tags, summary, params, body, response } = spec;
  return {
    ...spec,
    status: response === undefined ? 204 : 200,
    // The conditional type follows these runtime checks; TypeScript cannot narrow generics through them.
    schema: {
      tags,
      summary,
      ...(params === undefined ? {} : { params }),
      ...(body === undefined ? {} : { body }),
      response: response === undefined ? { 204: NoContent } : { 200: response },
    } as OperationSchema<Params, Body, Response>,
  };
}

/** The request body an operation takes. */
export type BodyOf<Op> = Op extends Operation<TSchema | undefined, infer Body, TSchema | undefined> ? (Body extends TSchema ? Static<Body> : undefined) : never;
/** The answer an operation gives (`void` for a 204). */
export type ResponseOf<Op> = Op extends Operation<TSchema | undefined, TSchema | undefined, infer Response> ? (Response extends TSchema ? Static<Response> : void) : never;
