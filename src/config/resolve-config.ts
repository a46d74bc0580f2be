import { ConfigError, type ConfigIssue } from './config-error.ts';
import type { ConfigRead, ConfigReads, LoadedConfig } from './config-reads.ts';
import { defaultConfig } from './default-config.ts';
import { describeConfigReads } from './describe-config-reads.ts';
import { mergeConfigValues } from './merge-config-values.ts';
import { orderSegments } from './order-segments.ts';
import { type ConfigText, readConfigText } from './read-config-text.ts';
import type { Config } from './types.ts';
import { validateConfig } from './validate-config.ts';

interface ReadFile extends ConfigText {
  read: ConfigRead;
  config: Config;
}

const extendsOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, '_extends')
    ? (value as { _extends: unknown })._extends
    : undefined;

/**
 * The config the files a load read make (pure: the same reads give the same
 * config in the CLI, the Action, the App and its dashboard). Each file is
 * read and validated on its own first, so every problem names its file and
 * line; then they are laid over each other (mergeConfigValues). No file read:
 * every default — said in `description`, with the files GitHub refused in
 * `refused`. Throws a ConfigError listing every problem: invalid files, an
 * invalid `_extends`, or one that names a file that is missing, refused, or
 * not followed (a reader without GitHub).
 */
export function resolveConfig(reads: ConfigReads): LoadedConfig {
  const files: ReadFile[] = [];
  const issues: ConfigIssue[] = [];
  for (const read of reads.reads) {
    if (read.text === null) continue;
    try {
      const text = readConfigText({ text: read.text, file: read.name });
      files.push({
        ...text,
        read,
        config: validateConfig({ value: text.value, file: read.name, lineOf: text.lineOf }),
      });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, file: issue.file ?? error.file })));
    }
  }
  if (issues.length === 0 && reads.problem) {
    const { name, key, message } = reads.problem;
    const file = files.find((f) => f.read.name === name);
    issues.push({ file: name, path: key, line: key && file ? file.lineOf([key]) : null, message });
  }
  if (issues.length === 0) issues.push(...unfollowedExtends({ files, reads: reads.reads }));
  if (issues.length > 0) throw new ConfigError({ file: issues[0]!.file!, issues });

  const loaded = {
    files: files.map((f) => f.read.name),
    description: describeConfigReads(reads),
    refused: reads.reads.flatMap((read) =>
      read.refused === undefined ? [] : [{ name: read.name, reason: read.refused }],
    ),
    reads,
  };
  if (files.length <= 1) {
    const [only] = files;
    const config = only
      ? { ...only.config, segments: orderSegments({ segments: only.config.segments, keys: only.segmentOrder }) }
      : defaultConfig();
    return { ...loaded, config };
  }
  const value = mergeConfigValues(files.map((f) => f.value));
  const config = validateConfig({ value, file: files[0]!.read.name });
  const order = files.find(
    (f) => typeof f.value === 'object' && f.value !== null && Object.hasOwn(f.value, 'segments'),
  );
  return {
    ...loaded,
    config: { ...config, segments: orderSegments({ segments: config.segments, keys: order?.segmentOrder ?? [] }) },
  };
}

/** Each `_extends` must have been followed to a file that was read. */
function unfollowedExtends({
  files,
  reads,
}: {
  files: readonly ReadFile[];
  reads: readonly ConfigRead[];
}): ConfigIssue[] {
  return files.flatMap(({ read, value, lineOf }) => {
    const target = extendsOf(value);
    if (target === undefined) return [];
    const next = reads[reads.indexOf(read) + 1];
    const at = { file: read.name, path: '_extends', line: lineOf(['_extends']) };
    if (!next) {
      return [
        {
          ...at,
          message: `cannot follow "${String(target)}" here: only a reader with GitHub access follows _extends (shipwell report, the Action, the App)`,
        },
      ];
    }
    if (next.refused !== undefined) return [{ ...at, message: `${next.name} could not be read (${next.refused})` }];
    if (next.text === null) return [{ ...at, message: `${next.name} not found (or not visible to this token)` }];
    return [];
  });
}
