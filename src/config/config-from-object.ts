import type { Config } from './types.ts';
import { validateConfig } from './validate-config.ts';

/**
 * Validates a config someone else already parsed and fills every default.
 * null/undefined (no file) gives the defaults; `_extends` is accepted and
 * ignored (loadConfig follows it). Throws a ConfigError naming every bad key
 * (without lines: an object has none).
 */
export function configFromObject({ value, file }: { value: unknown; file: string }): Config {
  return validateConfig({ value, file });
}
