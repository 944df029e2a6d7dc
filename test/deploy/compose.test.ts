import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateCompose } from './schema-validators.js';

const composeFile = fileURLToPath(new URL('../../deploy/compose.yaml', import.meta.url));
const postgresComposeFile = fileURLToPath(new URL('../../deploy/compose.postgres.yaml', import.meta.url));

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  stop_grace_period?: string;
}

/** compose.yaml with its `<<` merge keys resolved, as Compose reads it. */
function loadCompose(text = readFileSync(composeFile, 'utf8')): { services: Record<string, Service> } {
  return parse(text, { merge: true }) as { services: Record<string, Service> };
}

function seconds(duration: string | undefined): number {
  const match = /^(\d+)s$/.exec(duration ?? '');
  if (match === null) throw new Error(`expected a duration in seconds, got ${String(duration)}`);
  return Number(match[1]);
}

describe('deploy/compose.yaml', () => {
  const { services } = loadCompose();
  const engines = ['engine-1', 'engine-2', 'engine-3'];

  it('validates against the compose-spec schema', () => {
    expect(validateCompose(loadCompose())).toEqual([]);
  });

  it('runs Redis with AOF and the noeviction policy on a volume', () => {
    const command = services.redis?.command?.join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(services.redis?.volumes).toEqual(['redis-data:/data']);
  });

  it('runs three engine nodes on Redis and NATS behind the load balancer', () => {
    for (const name of engines) {
      expect(services[name]?.environment, name).toMatchObject({
        BATON_STORE: 'redis://redis:6379',
        BATON_QUEUE: 'redis://redis:6379',
        BATON_BUS: 'nats://nats:4222',
        BATON_NODE_ID: name,
        BATON_HOST: '0.0.0.0',
      });
      expect(services[name]?.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect(seconds(services[name]?.stop_grace_period)).toBeGreaterThan(60);
    }
    const nginx = readFileSync(fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url)), 'utf8');
    for (const name of engines) expect(nginx).toContain(`server ${name}:8080`);
    expect(Object.keys(services.lb?.depends_on ?? {}).sort()).toEqual(engines);
  });

  it('runs one edge node with only its capability and no store', () => {
    expect(services.edge?.environment).toMatchObject({ BATON_CAPABILITIES: 'label-printer', BATON_STORE: 'none', BATON_BUS: 'nats://nats:4222' });
    expect(services.edge?.environment?.BATON_QUEUE).toBeUndefined();
    expect(Object.keys(services.edge?.depends_on ?? {})).toEqual(['nats']);
  });

  it('gives each Baton process only settings its command knows', () => {
    const envOf = (command: string): Set<string> => {
      const source = readFileSync(fileURLToPath(new URL(`../../services/cli/src/commands/${command}.ts`, import.meta.url)), 'utf8');
      return new Set([...source.matchAll(/\.env\('([A-Z_]+)'\)/g)].map((m) => m[1] ?? ''));
    };
    const serve = envOf('serve');
    for (const name of [...engines, 'edge']) {
      for (const variable of Object.keys(services[name]?.environment ?? {})) expect(serve, `${name} ${variable}`).toContain(variable);
    }
    const fayeServer = envOf('faye-server');
    for (const variable of Object.keys(services.faye?.environment ?? {})) expect(fayeServer, `faye ${variable}`).toContain(variable);
  });

  it('runs the Faye server from the same image', () => {
    expect(services.faye?.command).toEqual(['faye-server']);
    expect(services.faye?.image).toBe(services['engine-1']?.image);
  });

  it('waits only on dependencies that have a health check, and pins every image version', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck, `${name} healthcheck`).toBeDefined();
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency], `${name} depends on ${dependency}`).toBeDefined();
        if (condition === 'service_healthy') expect(services[dependency]?.healthcheck, `${dependency} healthcheck`).toBeDefined();
      }
      if (service.build === undefined) expect(service.image, name).toMatch(/^[a-z0-9./-]+:\d+\.\d+\.\d+[\w.-]*$/);
    }
  });

  it('is caught when a field is misspelled', () => {
    const text = readFileSync(composeFile, 'utf8').replace('    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]', '    healtcheck:\n      test: ["CMD", "redis-cli", "ping"]');
    expect(validateCompose(loadCompose(text))).toContain('/services/redis must NOT have additional properties "healtcheck"');
  });
});

describe('deploy/compose.postgres.yaml (issue 15)', () => {
  const { services } = loadCompose(readFileSync(postgresComposeFile, 'utf8'));
  const engines = ['engine-1', 'engine-2', 'engine-3'];
  const serve = new Set(
    [...readFileSync(fileURLToPath(new URL('../../services/cli/src/commands/serve.ts', import.meta.url)), 'utf8').matchAll(/\.env\('([A-Z_]+)'\)/g)].map((m) => m[1] ?? ''),
  );

  it('validates against the compose-spec schema', () => {
    expect(validateCompose(loadCompose(readFileSync(postgresComposeFile, 'utf8')))).toEqual([]);
  });

  it('runs Postgres on a volume with a health check, and no Redis', () => {
    expect(services.postgres?.image).toMatch(/^postgres:16\.\d+-alpine$/);
    expect(services.postgres?.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(services.postgres?.healthcheck?.test).toContain('pg_isready');
    expect(services.redis).toBeUndefined();
  });

  it('runs three engine nodes on Postgres alone (no queue named: jobs and timers stay there) and NATS', () => {
    for (const name of engines) {
      const environment = services[name]?.environment ?? {};
      expect(environment.BATON_STORE, name).toMatch(/^postgres:\/\/baton:.+@postgres:5432\/baton$/);
      expect(environment.BATON_QUEUE, name).toBeUndefined();
      expect(environment, name).toMatchObject({ BATON_BUS: 'nats://nats:4222', BATON_NODE_ID: name, BATON_PG_POOL_SIZE: '8' });
      expect(Object.keys(services[name]?.depends_on ?? {}).sort(), name).toEqual(['nats', 'postgres']);
      for (const variable of Object.keys(environment)) expect(serve, `${name} ${variable}`).toContain(variable);
    }
    expect(Object.keys(services.lb?.depends_on ?? {}).sort()).toEqual(engines);
  });

  it('waits only on dependencies that have a health check, and pins every image version', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck, `${name} healthcheck`).toBeDefined();
      for (const dependency of Object.keys(service.depends_on ?? {})) expect(services[dependency]?.healthcheck, `${name} depends on ${dependency}`).toBeDefined();
      if (service.build === undefined) expect(service.image, name).toMatch(/^[a-z0-9./-]+:\d+\.\d+\.\d+[\w.-]*$|^postgres:\d+\.\d+-alpine$/);
    }
  });
});
