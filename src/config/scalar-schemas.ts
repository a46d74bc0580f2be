import { z } from 'zod';

/** The "expected" phrase for a closed set of words. */
export function oneOf(values: readonly string[]): string {
  return `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
}

/** A percentage, 0–100. */
export const percentSchema = z.number({ error: 'a number from 0 to 100' }).min(0).max(100);

/** A YAML boolean (`yes`/`on` are text in YAML 1.2, so they are errors, not true). */
export const booleanSchema = z.boolean({ error: 'true or false' });
