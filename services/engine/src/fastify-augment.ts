/** Fields this node adds to Fastify's request and route config. */
declare module 'fastify' {
  interface FastifyRequest {
    /** The code of the problem sent for this request, for metrics. */
    problemCode?: string;
  }
  interface FastifyContextConfig {
    /** The engine command a route runs (`CompleteJob`), for metrics and logs. */
    command?: string;
  }
}

export {};
