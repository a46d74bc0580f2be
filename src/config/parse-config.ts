import { orderSegments } from './order-segments.ts';
import { readConfigText } from './read-config-text.ts';
import type { Config } from './types.ts';
import { validateConfig } from './validate-config.ts';

/**
 * Reads one `.github/shipwell.yml` text (see readConfigText), validated,
 * every default filled. An empty file gives the defaults; `_extends` is
 * accepted and ignored here (loadConfig follows it). Throws a ConfigError
 * listing every problem with `file:line`, YAML syntax errors included.
 */
export function parseConfig({ text, file }: { text: string; file: string }): Config {
  const read = readConfigText({ text, file });
  const config = validateConfig({ value: read.value, file, lineOf: read.lineOf });
  return { ...config, segments: orderSegments({ segments: config.segments, keys: read.segmentOrder }) };
}
