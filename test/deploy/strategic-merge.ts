/**
 * The part of Kubernetes' strategic merge patch our overlays use: maps merge key by key,
 * `null` deletes a key, and lists of a known kind merge item by item on their merge key
 * (the `patchMergeKey` of the Kubernetes API: containers by `name`, volumeMounts by
 * `mountPath`, ...). Any other list is replaced whole, as the API does for lists without
 * a merge key. `$patch` / `$retainKeys` directives are refused rather than ignored.
 */

/** patchMergeKey of the list fields our patches touch (from the Kubernetes API types). */
const mergeKeys: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isMap(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeList(base: Json[], patch: Json[], mergeKey: string): Json[] {
  const merged = [...base];
  for (const item of patch) {
    const key = isMap(item) ? item[mergeKey] : undefined;
    if (key === undefined) throw new Error(`A patch item of a list merged on "${mergeKey}" has no "${mergeKey}": ${JSON.stringify(item)}`);
    const at = merged.findIndex((existing) => isMap(existing) && existing[mergeKey] === key);
    if (at === -1) merged.push(item);
    else merged[at] = strategicMerge(merged[at], item);
  }
  return merged;
}

/** Returns `base` with `patch` applied; neither argument is changed. */
export function strategicMerge(base: unknown, patch: unknown, field?: string): Json {
  if (isMap(patch)) {
    const result: Record<string, Json> = isMap(base) ? { ...base } : {};
    for (const [key, value] of Object.entries(patch)) {
      if (key.startsWith('$')) throw new Error(`Patch directive "${key}" is not supported by this renderer; write the full value instead.`);
      if (value === null) delete result[key];
      else result[key] = strategicMerge(result[key], value, key);
    }
    return result;
  }
  const mergeKey = field === undefined ? undefined : mergeKeys[field];
  if (Array.isArray(patch) && Array.isArray(base) && mergeKey !== undefined) return mergeList(base as Json[], patch, mergeKey);
  return patch as Json;
}
