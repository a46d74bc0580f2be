/** Keys that name JavaScript's object machinery, never a config key or a segment name. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Finds every `__proto__`, `constructor` and `prototype` key at any depth of
 * a config value (a schema would silently drop `__proto__` from a mapping of
 * segments, and take `constructor` as a segment name), and returns the value
 * without them beside their paths, so each can be reported as an unknown key
 * with its line (docs/configuration.md, "Keys").
 */
export function splitPrototypeKeys(value: unknown): { value: unknown; paths: PropertyKey[][] } {
  const paths: PropertyKey[][] = [];
  const walk = (node: unknown, path: PropertyKey[]): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node === null || typeof node !== 'object' || node instanceof Date) return node;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      if (PROTOTYPE_KEYS.has(key)) {
        paths.push([...path, key]);
        continue;
      }
      copy[key] = walk((node as Record<string, unknown>)[key], [...path, key]);
    }
    return copy;
  };
  return { value: walk(value, []), paths };
}
