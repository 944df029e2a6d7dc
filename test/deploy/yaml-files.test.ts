import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readYamlDocuments } from './kustomize.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(dir, file))
    .sort();
}

const files = [...yamlFiles('deploy'), ...yamlFiles('k8s')];

describe('deployment YAML', () => {
  it('finds the files it checks', () => {
    expect(files).toEqual(expect.arrayContaining(['deploy/compose.yaml', 'k8s/base/kustomization.yaml', 'k8s/overlays/prod/kustomization.yaml']));
  });

  it.each(files)('%s parses without errors, warnings or duplicate keys, and is not empty', (file) => {
    expect(readYamlDocuments(join(root, file)).length).toBeGreaterThan(0);
  });

  it('rejects a duplicate key and a syntax error', () => {
    const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
    expect(() => readYamlDocuments(join(dir, 'duplicate-key.yaml'))).toThrow(/duplicate-key\.yaml: Map keys must be unique/);
    expect(() => readYamlDocuments(join(dir, 'bad-indent.yaml'))).toThrow(/bad-indent\.yaml/);
  });
});
