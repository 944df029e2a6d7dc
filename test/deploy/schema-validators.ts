/**
 * JSON-schema validators for the deployment files, on ajv:
 * - Kubernetes objects against kubernetes-strict.json (generated from the Kubernetes
 *   OpenAPI models, additionalProperties false: unknown fields are errors, as with
 *   `kubectl apply --validate=strict`);
 * - compose files against the upstream compose-spec.json.
 * See schemas/NOTICE.md for where both come from.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const schemaDir = new URL('./schemas/', import.meta.url);

function loadJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')) as Record<string, unknown>;
}

/** The OpenAPI model of each apiVersion/kind our manifests may contain. */
const modelOfKind: Readonly<Record<string, string>> = {
  'v1/Namespace': 'V1Namespace',
  'v1/ConfigMap': 'V1ConfigMap',
  'v1/Secret': 'V1Secret',
  'v1/Service': 'V1Service',
  'v1/ServiceAccount': 'V1ServiceAccount',
  'apps/v1/Deployment': 'V1Deployment',
  'apps/v1/StatefulSet': 'V1StatefulSet',
  'autoscaling/v2/HorizontalPodAutoscaler': 'V2HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'V1PodDisruptionBudget',
  'networking.k8s.io/v1/NetworkPolicy': 'V1NetworkPolicy',
};

/** One line per error: where, what, and the offending field for unknown ones. */
export function formatErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra = typeof e.params.additionalProperty === 'string' ? ` "${e.params.additionalProperty}"` : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}

function kubernetesAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addSchema(loadJson('kubernetes-strict.json'));
  return ajv;
}

let kubernetes: Ajv | undefined;

/** Errors of one Kubernetes object (empty when valid); an unknown apiVersion/kind is an error. */
export function validateKubernetesObject(object: unknown): string[] {
  const { apiVersion, kind } = (object ?? {}) as { apiVersion?: unknown; kind?: unknown };
  const model = modelOfKind[`${String(apiVersion)}/${String(kind)}`];
  if (model === undefined) return [`/ ${String(apiVersion)} ${String(kind)} is not a kind these manifests are checked for (add it to modelOfKind and the generator roots)`];
  kubernetes ??= kubernetesAjv();
  const validate = kubernetes.getSchema(`kubernetes-strict.json#/definitions/${model}`);
  if (validate === undefined) throw new Error(`kubernetes-strict.json has no definition ${model}; regenerate it`);
  return validate(object) ? [] : formatErrors(validate.errors);
}

let compose: ValidateFunction | undefined;

/** Errors of a compose file's content (after YAML merge keys are resolved). */
export function validateCompose(document: unknown): string[] {
  if (compose === undefined) {
    // Upstream names its meta-schema with https://, which ajv does not know by that name;
    // the schema is draft-07 either way. Upstream data: not held to ajv's strict mode.
    const { $schema: _metaSchema, ...schema } = loadJson('compose-spec.json');
    compose = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return compose(document) ? [] : formatErrors(compose.errors);
}
