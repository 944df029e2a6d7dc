/**
 * Renders a kustomization the way `kubectl kustomize` does, for the subset of fields our
 * k8s/ folder uses: resources (files and directories), namespace, labels (metadata labels
 * only), images and patches (strategic merge, target taken from the patch's kind and
 * name). A kustomization that uses anything else is refused, so a test never passes on a
 * field this renderer silently ignored.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { strategicMerge } from './strategic-merge.js';

/** A Kubernetes object as it appears in a manifest. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Readonly<Record<string, string>> };
  readonly [field: string]: unknown;
}

interface Kustomization {
  readonly resources?: readonly string[];
  readonly namespace?: string;
  readonly labels?: readonly { readonly pairs: Readonly<Record<string, string>> }[];
  readonly images?: readonly { readonly name: string; readonly newName?: string; readonly newTag?: string; readonly digest?: string }[];
  readonly patches?: readonly { readonly path: string }[];
}

const supportedFields = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);
const clusterScopedKinds = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume', 'StorageClass']);

/** Every document of a YAML file; throws on the first syntax error, naming the file. */
export function readYamlDocuments(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  const list = Array.isArray(documents) ? documents : [documents];
  for (const doc of list) {
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem !== undefined) throw new Error(`${file}: ${problem.message}`);
  }
  return list.map((doc) => doc.toJS() as unknown).filter((value) => value !== null);
}

function readKustomization(dir: string): Kustomization {
  const [doc] = readYamlDocuments(join(dir, 'kustomization.yaml'));
  const kustomization = doc as Record<string, unknown>;
  const unsupported = Object.keys(kustomization).filter((key) => !supportedFields.has(key));
  if (unsupported.length > 0) throw new Error(`${dir}/kustomization.yaml uses ${unsupported.join(', ')}, which the test renderer does not implement.`);
  for (const label of (kustomization.labels ?? []) as Record<string, unknown>[]) {
    const extra = Object.keys(label).filter((key) => key !== 'pairs');
    if (extra.length > 0) throw new Error(`${dir}/kustomization.yaml: labels with ${extra.join(', ')} are not implemented (metadata labels only).`);
  }
  return kustomization as Kustomization;
}

function patchTarget(objects: KubeObject[], patch: KubeObject, file: string): number {
  const at = objects.findIndex((o) => o.kind === patch.kind && o.apiVersion === patch.apiVersion && o.metadata.name === patch.metadata.name);
  if (at === -1) throw new Error(`${file}: no ${patch.apiVersion} ${patch.kind} named "${patch.metadata.name}" to patch.`);
  return at;
}

function podSpecOf(object: KubeObject): Record<string, unknown> | undefined {
  const spec = object.spec as { template?: { spec?: Record<string, unknown> } } | undefined;
  return spec?.template?.spec;
}

function setImages(object: KubeObject, images: NonNullable<Kustomization['images']>): KubeObject {
  const podSpec = podSpecOf(object);
  if (podSpec === undefined) return object;
  for (const list of ['containers', 'initContainers']) {
    for (const container of (podSpec[list] ?? []) as { image?: string }[]) {
      const image = container.image ?? '';
      const name = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
      const rule = images.find((i) => i.name === name);
      if (rule === undefined) continue;
      const tag = rule.digest !== undefined ? `@${rule.digest}` : rule.newTag !== undefined ? `:${rule.newTag}` : image.slice(name.length);
      container.image = `${rule.newName ?? name}${tag}`;
    }
  }
  return object;
}

function transform(objects: KubeObject[], k: Kustomization): KubeObject[] {
  return objects.map((object) => {
    let out = structuredClone(object) as KubeObject & { metadata: { namespace?: string; labels?: Record<string, string> } };
    if (k.namespace !== undefined && !clusterScopedKinds.has(out.kind)) out.metadata.namespace = k.namespace;
    for (const { pairs } of k.labels ?? []) out.metadata.labels = { ...out.metadata.labels, ...pairs };
    if (k.images !== undefined) out = setImages(out, k.images) as typeof out;
    return out;
  });
}

/** The objects `kubectl kustomize <dir>` would print, in resource order. */
export function renderKustomization(dir: string): KubeObject[] {
  const k = readKustomization(dir);
  const objects: KubeObject[] = [];
  for (const resource of k.resources ?? []) {
    const path = resolve(dir, resource);
    if (statSync(path).isDirectory()) objects.push(...renderKustomization(path));
    else objects.push(...(readYamlDocuments(path) as KubeObject[]));
  }
  for (const { path } of k.patches ?? []) {
    const file = resolve(dir, path);
    for (const patch of readYamlDocuments(file) as KubeObject[]) {
      const at = patchTarget(objects, patch, file);
      objects[at] = strategicMerge(objects[at], patch) as unknown as KubeObject;
    }
  }
  return transform(objects, k);
}
