import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderKustomization, type KubeObject } from './kustomize.js';
import { validateKubernetesObject } from './schema-validators.js';

const k8s = fileURLToPath(new URL('../../k8s/', import.meta.url));
const variants = { base: `${k8s}base`, dev: `${k8s}overlays/dev`, prod: `${k8s}overlays/prod`, postgres: `${k8s}overlays/postgres` } as const;
/** The job lock (lease) of a claimed job: JobQueue ConsumeOptions.leaseMs default. */
const jobLockSeconds = 60;

interface Container {
  name: string;
  image: string;
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: { configMapKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  lifecycle?: { preStop?: unknown };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}
interface PodSpec {
  containers: Container[];
  nodeSelector?: Record<string, string>;
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  volumes?: { name: string; configMap?: { name: string } }[];
}
interface Workload extends KubeObject {
  spec: { replicas?: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
}

function find<T extends KubeObject>(objects: readonly KubeObject[], kind: string, name: string): T {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (found === undefined) throw new Error(`no ${kind} ${name}`);
  return found as T;
}

function matches(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>> | undefined): boolean {
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

function workloads(objects: readonly KubeObject[]): Workload[] {
  return objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet') as Workload[];
}

function batonContainers(objects: readonly KubeObject[]): Container[] {
  return workloads(objects)
    .filter((w) => w.metadata.labels?.['app.kubernetes.io/name'] === 'baton')
    .flatMap((w) => w.spec.template.spec.containers);
}

/** The env names `baton serve` reads, from its option declarations. */
function serveEnvNames(): Set<string> {
  const source = readFileSync(fileURLToPath(new URL('../../services/cli/src/commands/serve.ts', import.meta.url)), 'utf8');
  return new Set([...source.matchAll(/\.env\('([A-Z_]+)'\)/g)].map((m) => m[1] ?? ''));
}

describe.each(Object.entries(variants))('k8s %s', (_name, dir) => {
  const objects = renderKustomization(dir);

  it('every object validates against the strict Kubernetes schema (unknown fields are errors)', () => {
    const errors = objects.flatMap((o) => validateKubernetesObject(o).map((e) => `${o.kind}/${o.metadata.name}${e}`));
    expect(errors).toEqual([]);
  });

  it('every Deployment and StatefulSet selects its own pod template, and every Service selects pods', () => {
    for (const w of workloads(objects)) expect(matches(w.spec.selector.matchLabels, w.spec.template.metadata.labels), w.metadata.name).toBe(true);
    const templates = workloads(objects).map((w) => w.spec.template.metadata.labels);
    for (const service of objects.filter((o) => o.kind === 'Service')) {
      const selector = (service.spec as { selector: Record<string, string> }).selector;
      expect(templates.some((labels) => matches(selector, labels)), service.metadata.name).toBe(true);
    }
  });

  it('runs every container as non-root on a read-only root filesystem', () => {
    for (const w of workloads(objects)) {
      expect(w.spec.template.spec.securityContext?.runAsNonRoot, w.metadata.name).toBe(true);
      for (const c of w.spec.template.spec.containers) {
        expect(c.securityContext, `${w.metadata.name}/${c.name}`).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      }
    }
  });

  it('gives Baton nodes only settings `baton serve` knows, from config that exists', () => {
    const known = serveEnvNames();
    const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, o.data as Record<string, string>]));
    for (const c of batonContainers(objects)) {
      for (const e of c.env ?? []) expect(known, `${c.name} env ${e.name}`).toContain(e.name);
      for (const ref of c.envFrom ?? []) {
        const name = ref.configMapRef?.name;
        if (name === undefined) continue;
        for (const key of Object.keys(configMaps.get(name) ?? {})) expect(known, `${name}.${key}`).toContain(key);
      }
    }
    expect(known).toContain('BATON_STORE');
  });
});

describe('k8s engine nodes', () => {
  const base = renderKustomization(variants.base);
  const engine = find<Workload>(base, 'Deployment', 'baton-engine');
  const pod = engine.spec.template.spec;
  const container = pod.containers[0] as Container;

  it('run 3 replicas with probes on the health routes, a preStop pause and resources', () => {
    expect(engine.spec.replicas).toBe(3);
    expect(container.args).toEqual(['serve']);
    expect(container.startupProbe?.httpGet?.path).toBe('/health/live');
    expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(container.lifecycle?.preStop).toBeDefined();
    expect(container.resources?.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources?.limits).toMatchObject({ memory: expect.any(String) });
  });

  it('get a grace period longer than the job lock, so a drain can finish held jobs', () => {
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(jobLockSeconds);
  });

  it('read config from a ConfigMap and a Secret', () => {
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'baton-config' } }, { secretRef: { name: 'baton-secrets' } }]);
    expect(base.some((o) => o.kind === 'ConfigMap' && o.metadata.name === 'baton-config')).toBe(true);
    // The Secret is per overlay: dev ships one, prod expects the operator's (README "Deploy").
    expect(renderKustomization(variants.dev).some((o) => o.kind === 'Secret' && o.metadata.name === 'baton-secrets')).toBe(true);
  });

  it('are scaled by an HPA and protected by a PDB that both target them', () => {
    const hpa = find(base, 'HorizontalPodAutoscaler', 'baton-engine').spec as { scaleTargetRef: { kind: string; name: string }; minReplicas: number };
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'baton-engine' });
    expect(hpa.minReplicas).toBe(3);
    const pdb = find(base, 'PodDisruptionBudget', 'baton-engine').spec as { selector: { matchLabels: Record<string, string> } };
    expect(matches(pdb.selector.matchLabels, engine.spec.template.metadata.labels)).toBe(true);
  });
});

describe('k8s edge node, Redis, NATS and network policies', () => {
  // The base has no store: dev and prod add k8s/redis, the postgres overlay k8s/postgres.
  const base = renderKustomization(variants.dev);
  const edge = find<Workload>(base, 'Deployment', 'baton-edge-label-printer');
  const engineLabels = find<Workload>(base, 'Deployment', 'baton-engine').spec.template.metadata.labels;
  const edgeLabels = edge.spec.template.metadata.labels;

  it('pins the edge node by nodeSelector, with its own capabilities and no store', () => {
    expect(edge.spec.template.spec.nodeSelector).toEqual({ 'baton.dev/edge': 'label-printer' });
    const env = Object.fromEntries((edge.spec.template.spec.containers[0]?.env ?? []).map((e) => [e.name, e.value]));
    expect(env).toMatchObject({ BATON_CAPABILITIES: 'label-printer', BATON_STORE: 'none' });
    expect(env.BATON_QUEUE).toBeUndefined();
  });

  it('runs Redis with AOF and noeviction on a persistent volume', () => {
    const redis = find<Workload & { spec: { volumeClaimTemplates: unknown[] } }>(base, 'StatefulSet', 'redis');
    const args = redis.spec.template.spec.containers[0]?.args?.join(' ');
    expect(args).toContain('--appendonly yes');
    expect(args).toContain('--maxmemory-policy noeviction');
    expect(redis.spec.volumeClaimTemplates).toHaveLength(1);
    const prodArgs = find<Workload>(renderKustomization(variants.prod), 'StatefulSet', 'redis').spec.template.spec.containers[0]?.args?.join(' ');
    expect(prodArgs).toContain('--maxmemory-policy noeviction');
  });

  it('lets only engine pods reach Redis, and only Baton nodes reach NATS', () => {
    type Policy = { spec: { podSelector: { matchLabels: Record<string, string> }; ingress: { from: { podSelector: { matchLabels: Record<string, string> } }[] }[] } };
    const policies = base.filter((o) => o.kind === 'NetworkPolicy') as unknown as Policy[];
    const allowed = (app: string): Record<string, string>[] =>
      policies.filter((p) => p.spec.podSelector.matchLabels['app.kubernetes.io/name'] === app).flatMap((p) => p.spec.ingress.flatMap((i) => i.from.map((f) => f.podSelector.matchLabels)));
    expect(allowed('redis')).toHaveLength(1);
    expect(allowed('redis').every((s) => matches(s, engineLabels) && !matches(s, edgeLabels))).toBe(true);
    expect(allowed('nats').some((s) => matches(s, engineLabels))).toBe(true);
    expect(allowed('nats').some((s) => matches(s, edgeLabels))).toBe(true);
    expect(allowed('nats').every((s) => s['app.kubernetes.io/name'] === 'baton')).toBe(true);
  });
});

describe('k8s on Postgres (issue 15)', () => {
  const objects = renderKustomization(variants.postgres);
  const engine = find<Workload>(objects, 'Deployment', 'baton-engine');
  const secrets = objects.filter((o) => o.kind === 'Secret') as unknown as { metadata: { name: string }; stringData: Record<string, string> }[];

  it('runs Postgres on a persistent volume with a readiness check, and no Redis', () => {
    const postgres = find<Workload & { spec: { volumeClaimTemplates: unknown[] } }>(objects, 'StatefulSet', 'postgres');
    const container = postgres.spec.template.spec.containers[0];
    expect(container?.image).toMatch(/^postgres:16\.\d+-alpine$/);
    expect(postgres.spec.volumeClaimTemplates).toHaveLength(1);
    expect(JSON.stringify(container?.readinessProbe)).toContain('pg_isready');
    expect(objects.some((o) => o.metadata.name === 'redis')).toBe(false);
  });

  it('points the engine nodes at Postgres alone (no queue: jobs and timers stay there) through the Secret', () => {
    expect(engine.spec.template.spec.containers[0]?.envFrom).toContainEqual({ secretRef: { name: 'baton-secrets' } });
    const settings = secrets.find((s) => s.metadata.name === 'baton-secrets')?.stringData ?? {};
    expect(settings['BATON_STORE']).toMatch(/^postgres:\/\/baton:.+@postgres:5432\/baton$/);
    expect(settings['BATON_QUEUE']).toBeUndefined();
    const known = serveEnvNames();
    for (const key of Object.keys(settings)) expect(known, key).toContain(key);
    // the password Postgres is started with is the one in the URL
    const password = secrets.find((s) => s.metadata.name === 'baton-postgres')?.stringData['POSTGRES_PASSWORD'];
    expect(settings['BATON_STORE']).toContain(`:${password}@`);
  });

  it('lets only engine pods reach Postgres', () => {
    type Policy = { spec: { podSelector: { matchLabels: Record<string, string> }; ingress: { from: { podSelector: { matchLabels: Record<string, string> } }[]; ports: { port: number }[] }[] } };
    const policy = find(objects, 'NetworkPolicy', 'postgres-from-engines-only') as unknown as Policy;
    expect(policy.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'postgres' });
    expect(policy.spec.ingress.flatMap((i) => i.from.map((f) => f.podSelector.matchLabels))).toEqual([engine.spec.template.metadata.labels]);
    expect(policy.spec.ingress.flatMap((i) => i.ports.map((p) => p.port))).toEqual([5432]);
  });
});

describe('k8s overlays', () => {
  it('set the namespace, the image and the patched fields', () => {
    const dev = renderKustomization(variants.dev);
    const prod = renderKustomization(variants.prod);
    const devEngine = find<Workload>(dev, 'Deployment', 'baton-engine');
    const prodEngine = find<Workload>(prod, 'Deployment', 'baton-engine');
    expect(devEngine.metadata.namespace).toBe('baton-dev');
    expect(devEngine.metadata.labels).toMatchObject({ environment: 'dev', 'app.kubernetes.io/part-of': 'baton' });
    expect(devEngine.spec.replicas).toBe(1);
    expect(devEngine.spec.template.spec.containers[0]?.image).toBe('baton:dev');
    // the patch merged into the container: its probes and args are still there
    expect(devEngine.spec.template.spec.containers[0]?.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(prodEngine.spec.template.spec.containers[0]?.image).toBe('registry.example.com/baton:0.1.0');
    expect(find(prod, 'Namespace', 'baton').metadata.namespace).toBeUndefined();
    expect(prod.some((o) => o.kind === 'Secret')).toBe(false);
  });
});

describe('the strict validation catches what a lenient one lets through', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reports a typo such as `replicaz` as an unknown field', () => {
    const engine = structuredClone(find<Workload>(renderKustomization(variants.base), 'Deployment', 'baton-engine'));
    const spec = engine.spec as unknown as Record<string, unknown>;
    spec.replicaz = spec.replicas;
    delete spec.replicas;
    expect(validateKubernetesObject(engine)).toEqual(['/spec must NOT have additional properties "replicaz"']);
  });

  it('reports a typo deep in a pod spec, a wrong type and a missing required field', () => {
    const engine = structuredClone(find<Workload>(renderKustomization(variants.base), 'Deployment', 'baton-engine'));
    const container = engine.spec.template.spec.containers[0] as unknown as Record<string, unknown>;
    container.readinessProbee = container.readinessProbe;
    (engine.spec as unknown as Record<string, unknown>).replicas = 'three';
    delete (engine.spec as unknown as Record<string, unknown>).selector;
    const errors = validateKubernetesObject(engine).join('\n');
    expect(errors).toContain('/spec/template/spec/containers/0 must NOT have additional properties "readinessProbee"');
    expect(errors).toContain('/spec/replicas must be integer');
    expect(errors).toContain("/spec must have required property 'selector'");
  });

  it('reports a typo that an overlay patch brings in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-kustomize-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n  - ${variants.base}\npatches:\n  - path: patch.yaml\n`);
    writeFileSync(join(dir, 'patch.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: baton-engine\nspec:\n  replicaz: 5\n');
    const engine = find(renderKustomization(dir), 'Deployment', 'baton-engine');
    expect(validateKubernetesObject(engine)).toEqual(['/spec must NOT have additional properties "replicaz"']);
  });

  it('refuses a kustomization field the renderer does not implement instead of ignoring it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-kustomize-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n  - ${variants.base}\nnamePrefix: dev-\n`);
    expect(() => renderKustomization(dir)).toThrow(/namePrefix/);
  });

  it('refuses an apiVersion/kind it has no schema for', () => {
    expect(validateKubernetesObject({ apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'x' } })[0]).toContain('not a kind');
  });
});
