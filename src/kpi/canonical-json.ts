/**
 * JSON with every object's keys in sorted order, so two values that hold the
 * same data give the same text whatever order their keys were written in (a
 * PostgreSQL `jsonb` column, for one, reorders them). Like JSON.stringify,
 * it leaves out undefined properties and writes non-finite numbers as null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  }
  return `{${parts.join(',')}}`;
}
