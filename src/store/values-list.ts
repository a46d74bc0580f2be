/**
 * `($from, $from+1, …), (…)`: the placeholders of a multi-row VALUES list,
 * `rows` rows of `columns` parameters each, numbered from `from`.
 *
 * PostgreSQL batches bind large text this way, one parameter a value: bound
 * as a text[] array instead (`unnest`), pg escapes every quote of a JSON text
 * and the server parses it back (array_in) — measured at 3x the server's CPU
 * and 3x ours for a 17 KB payload.
 */
export function valuesList({ rows, columns, from = 1 }: { rows: number; columns: number; from?: number }): string {
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    const first = from + row * columns;
    tuples.push(`(${Array.from({ length: columns }, (_, k) => `$${first + k}`).join(', ')})`);
  }
  return tuples.join(', ');
}
