import { canonicalJson } from './canonical-json.ts';
import { describeFound } from './describe-found.ts';
import type { WebhookDelivery } from './types.ts';

/** How many other values a warning names before it only counts the rest. */
const MAX_OTHERS = 3;
const PLAIN_ID = /^[\w.:-]{1,100}$/;
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** The first place, in canonical key order, where the values do not all agree, and their values there. */
function firstDifference(values: readonly unknown[], path: string): { path: string; values: unknown[] } {
  const step = (keys: readonly (string | number)[], read: (value: unknown, key: string | number) => unknown) => {
    for (const key of keys) {
      const below = values.map((value) => read(value, key));
      const first = canonicalJson(below[0]);
      if (below.some((value) => canonicalJson(value) !== first)) return firstDifference(below, childPath(path, key));
    }
    return null;
  };
  if (values.every(isRecord)) {
    const keys = [...new Set(values.flatMap((value) => Object.keys(value)))].sort();
    const found = step(keys, (value, key) => (value as Record<string, unknown>)[key]);
    if (found) return found;
  } else if (values.every(Array.isArray)) {
    const length = Math.max(...values.map((value) => (value as unknown[]).length));
    const found = step(
      Array.from({ length }, (_, i) => i),
      (value, i) => (value as unknown[])[i as number],
    );
    if (found) return found;
  }
  return { path, values: [...values] };
}

/** A value as a warning quotes it; a field one content lacks is `(absent)`. */
function describeValue(value: unknown): string {
  return value === undefined ? '(absent)' : describeFound(value);
}

function listOthers(texts: readonly string[]): string {
  const named = texts.slice(0, MAX_OTHERS);
  const rest = texts.length - named.length;
  if (rest > 0) return `${named.join(', ')} or ${rest} more`;
  return named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
}

/**
 * The warning for one delivery id recorded with different contents
 * (docs/kpis.md, "One delivery id, two payloads"): one sentence naming the
 * id, how often it appears, which content was read and the first field
 * where they differ — quoted, shortened, so nothing in it depends on the
 * order of the records.
 */
export function describeDeliveryConflict({
  id,
  records,
  chosen,
  others,
}: {
  id: string;
  /** How many records have this id. */
  records: number;
  chosen: Pick<WebhookDelivery, 'name' | 'payload'>;
  /** The other contents, one each. */
  others: readonly Pick<WebhookDelivery, 'name' | 'payload'>[];
}): string {
  const shown = PLAIN_ID.test(id) ? id : describeFound(id);
  const times = records === 2 ? 'twice' : `${records} times`;
  const variants = others.length + 1;
  const payloads = variants === records ? 'different payloads' : `${variants} different payloads`;
  const contents = [chosen, ...others].map(({ name, payload }) => ({ name, payload }));
  const difference = firstDifference(contents, '');
  const [mine, ...theirs] = difference.values;
  const mineText = canonicalJson(mine);
  const otherTexts = [
    ...new Set(theirs.filter((value) => canonicalJson(value) !== mineText).map(describeValue)),
  ].sort();
  return (
    `delivery ${shown} appears ${times} with ${payloads}; the one read is the greatest in canonical JSON order, ` +
    `with ${difference.path} ${describeValue(mine)}, not ${listOthers(otherTexts)}`
  );
}
