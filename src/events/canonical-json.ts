/**
 * A JSON value's canonical text (RFC 8785 for what JSON.parse gives): object
 * keys sorted by UTF-16 code units, no whitespace, strings and numbers as
 * JSON.stringify prints them. Two values with the same content have the same
 * canonical text, whatever their key order or spacing was.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || typeof member === 'function') continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}
