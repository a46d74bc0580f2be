const MAX_TEXT = 60;

/**
 * How an error message shows a value that was not what we expected: strings
 * quoted (cut at 60 characters), containers by kind, in the words of the
 * format the user wrote: `json` (a payload, a JSONL line: null, an array, an
 * object) or `yaml` (a config file: an empty value, a list of n items, a
 * mapping, a date).
 */
export function describeFound(value: unknown, words: 'json' | 'yaml' = 'json'): string {
  if (value === undefined) return 'nothing';
  if (value === null) return words === 'yaml' ? 'an empty value' : 'null';
  if (typeof value === 'string') {
    const text = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
    return JSON.stringify(text);
  }
  if (words === 'yaml' && value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${value.toISOString()}`;
  if (Array.isArray(value)) {
    if (words === 'json') return 'an array';
    return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return words === 'yaml' ? 'a mapping' : 'an object';
  return String(value);
}
