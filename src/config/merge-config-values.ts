type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function setOwn(target: Mapping, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function layer(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  const merged: Mapping = {};
  for (const key of Object.keys(base)) setOwn(merged, key, base[key]);
  for (const key of Object.keys(over))
    setOwn(merged, key, Object.hasOwn(base, key) ? layer(base[key], over[key]) : over[key]);
  return merged;
}

/**
 * Lays config files' values over each other, most specific first (a
 * repository's file over the file its `_extends` names): mappings merge key
 * by key, the more specific file winning; lists and single values replace;
 * `segments`, an ordered list of rules, replaces whole. `_extends` is
 * dropped. An empty file (null) adds nothing. See docs/configuration.md,
 * "Org-wide defaults with `_extends`".
 */
export function mergeConfigValues(values: readonly unknown[]): Mapping {
  let merged: Mapping = {};
  for (const value of [...values].reverse()) {
    if (!isMapping(value)) continue;
    const { _extends, segments, ...rest } = value;
    merged = layer(merged, rest) as Mapping;
    if (Object.hasOwn(value, 'segments')) setOwn(merged, 'segments', segments);
  }
  return merged;
}
