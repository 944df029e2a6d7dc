import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built task list of `@baton/web` (its `dist`), when it was built. */
export function defaultWebRoot(): string | undefined {
  try {
    const root = join(dirname(createRequire(import.meta.url).resolve('@baton/web/package.json')), 'dist');
    return existsSync(join(root, 'index.html')) ? root : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the browser app's static files at `/` (issue 7): one route per file found now
 * (no catch-all, so unknown API paths stay 404 problems), public (the app holds no
 * data; every API call it makes is authorized), not framed by other sites.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(async (web) => {
    web.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await web.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
      setHeaders: (reply) => {
        reply.header('x-frame-options', 'DENY');
        reply.header('x-content-type-options', 'nosniff');
      },
    });
  });
}
