import { z } from 'zod';

/**
 * A config mapping: only the keys of `shape` are allowed (an unknown key is an
 * error that names the closest known one, see validateConfig). A wrong type
 * reads "expected a mapping (keys: …)".
 */
export function strictShape<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, { error: `a mapping (keys: ${Object.keys(shape).join(', ')})` });
}
