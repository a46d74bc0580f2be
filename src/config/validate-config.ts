import type { z } from 'zod';
import { describeFound } from '../events/describe-found.ts';
import { ConfigError, type ConfigIssue } from './config-error.ts';
import { configSchema } from './config-schema.ts';
import { knownKeysAt } from './known-keys-at.ts';
import { splitPrototypeKeys } from './split-prototype-keys.ts';
import { suggestKey } from './suggest-key.ts';
import type { Config } from './types.ts';

type LineOf = (path: readonly PropertyKey[]) => number | null;

/**
 * Validates an already-read config value (null/undefined: an empty file) and
 * fills every default. Throws a ConfigError listing every problem, each with
 * its key path, the line `lineOf` gives for it, what was expected and what was found.
 */
export function validateConfig({
  value,
  file,
  lineOf = () => null,
}: {
  value: unknown;
  file: string;
  lineOf?: LineOf;
}): Config {
  const split = splitPrototypeKeys(value ?? {});
  const result = configSchema.safeParse(split.value, { reportInput: true, error: () => 'a valid value' });
  if (result.success && split.paths.length === 0) return result.data;
  const prototypeIssues = split.paths.map((path) => ({
    path: formatPath(path),
    line: lineOf(path),
    message: 'unknown key; __proto__, constructor and prototype are never config keys or segment names',
  }));
  const issues = [
    ...prototypeIssues,
    ...(result.success ? [] : result.error.issues.flatMap((i) => describeIssue(i, lineOf))),
  ]
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || a.order - b.order)
    .map(({ issue }) => issue);
  throw new ConfigError({ file, issues });
}

function describeIssue(issue: z.core.$ZodIssue, lineOf: LineOf): ConfigIssue[] {
  const at = (path: readonly PropertyKey[], message: string): ConfigIssue => ({
    path: formatPath(path),
    line: lineOf(path),
    message,
  });
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt({ schema: configSchema, path: issue.path });
    return issue.keys.map((key) => {
      const suggestion = suggestKey({ key, known });
      const hint = suggestion ? `did you mean "${suggestion}"?` : `expected one of: ${known.join(', ')}`;
      return at([...issue.path, key], `unknown key; ${hint}`);
    });
  }
  const expected = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return [at(issue.path, `expected ${expected}, found ${describeFound(issue.input, 'yaml')}`)];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? String(step) : `.${String(step)}`))
    .join('');
}
