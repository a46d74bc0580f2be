/** Leading characters a spreadsheet reads as a formula (`=`, `+`, `-`, `@`, and tab/CR that some strip first). */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One CSV field per RFC 4180: quoted (with `"` doubled) when it holds a
 * comma, quote or line break. Text that a spreadsheet would run as a formula
 * gets a leading `'` first. Numbers are written as they are.
 */
export function quoteCsvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
