import { configFromObject } from './config-from-object.ts';
import type { Config } from './types.ts';

/** The config of an empty `.github/shipwell.yml`: every default of docs/configuration.md, "Every key". A fresh object each call. */
export function defaultConfig(): Config {
  return configFromObject({ value: {}, file: '(defaults)' });
}
