import type { Access } from './auth/access.js';
import type { Principal } from './auth/principal.js';

/** Fields this node adds to Fastify's request and route config. */
declare module 'fastify' {
  interface FastifyRequest {
    /** The code of the problem sent for this request, for metrics. */
    problemCode?: string;
    /** Who is calling; undefined when authentication is off, or before it ran. */
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** The engine command a route runs (`CompleteJob`), for metrics and logs. */
    command?: string;
    /** Who may call the route and which object check runs (issue 7); absent means `admin`. */
    access?: Access;
  }
}

export {};
