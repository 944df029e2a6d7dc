import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintDockerfile, parseDockerfile } from './dockerfile-lint.js';

const dockerfile = readFileSync(fileURLToPath(new URL('../../deploy/Dockerfile', import.meta.url)), 'utf8');
const good = [
  'FROM node:22.12.0-bookworm-slim@sha256:' + 'a'.repeat(64) + ' AS build',
  'RUN npm ci',
  'FROM node:22.12.0-bookworm-slim@sha256:' + 'a'.repeat(64),
  'COPY --from=build /out/ ./',
  'USER 1000:1000',
  'HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]',
].join('\n');

describe('deploy/Dockerfile', () => {
  it('passes the lint: pinned base, non-root user, no secrets, a health check', () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  it('is multi-stage, installs production dependencies only, and starts `baton serve`', () => {
    const instructions = parseDockerfile(dockerfile);
    expect(instructions.filter((i) => i.keyword === 'FROM')).toHaveLength(2);
    const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
    const runtime = instructions.slice(lastFrom);
    expect(runtime.find((i) => i.keyword === 'RUN')?.args).toMatch(/npm ci --omit=dev/);
    expect(runtime.some((i) => i.keyword === 'RUN' && i.args.includes('run build'))).toBe(false);
    expect(runtime.find((i) => i.keyword === 'ENTRYPOINT')?.args).toBe('["node", "services/cli/bin/baton.js"]');
    expect(runtime.find((i) => i.keyword === 'CMD')?.args).toBe('["serve"]');
    expect(runtime.find((i) => i.keyword === 'HEALTHCHECK')?.args).toContain('/health/ready');
  });

  it('has a .dockerignore BuildKit finds for it, keeping node_modules and dist out of the context', () => {
    const ignore = readFileSync(fileURLToPath(new URL('../../deploy/Dockerfile.dockerignore', import.meta.url)), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['*', '**/node_modules', '**/dist']));
  });
});

describe('the Dockerfile lint', () => {
  it('accepts a minimal good Dockerfile', () => {
    expect(lintDockerfile(good)).toEqual([]);
  });

  it.each([
    ['a floating tag', good.replaceAll(/node:22\.12\.0-bookworm-slim@sha256:a+/g, 'node:22-slim'), /FROM node:22-slim: pin/],
    ['a version without digest', good.replaceAll(/@sha256:a+/g, ''), /pin the base image/],
    ['no USER', good.replace('USER 1000:1000\n', ''), /no USER/],
    ['USER root', good.replace('USER 1000:1000', 'USER root'), /USER root/],
    ['USER 0:0', good.replace('USER 1000:1000', 'USER 0:0'), /USER 0/],
    ['a secret in ENV', `${good}\nENV NODE_ENV=production REDIS_PASSWORD=hunter2`, /ENV REDIS_PASSWORD/],
    ['a secret in ENV (space form)', `${good}\nENV API_TOKEN abc`, /ENV API_TOKEN/],
    ['a secret in ARG', `${good}\nARG NPM_TOKEN`, /ARG NPM_TOKEN/],
    ['no HEALTHCHECK', good.replace(/HEALTHCHECK.*$/m, ''), /no HEALTHCHECK/],
    ['HEALTHCHECK NONE', good.replace(/HEALTHCHECK.*$/m, 'HEALTHCHECK NONE'), /no HEALTHCHECK/],
  ])('reports %s', (_case, text, problem) => {
    expect(lintDockerfile(text).join('\n')).toMatch(problem);
  });

  it('does not count the user of an earlier stage for the final one', () => {
    const text = good.replace('RUN npm ci', 'USER 1000\nRUN npm ci').replace('USER 1000:1000\n', '');
    expect(lintDockerfile(text)).toEqual(['the final stage has no USER: the container would run as root']);
  });
});
