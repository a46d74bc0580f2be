// Fuzzing of `.github/shipwell.yml` parsing (issue #7, "bad input"): 10,000
// files, half of them the documented defaults file cut and spliced, half a
// config object of the real keys with values of every shape (and misspelt
// keys) written as YAML, then edited. Each either parses or throws a
// ConfigError naming the file and, for every issue, the key or the line.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError, defaultConfig, parseConfig } from '../../src/config/index.ts';
import { bounded, FUZZ_RUNS } from './bounded.ts';

const FILE = '.github/shipwell.yml';
const DEFAULTS = readFileSync(new URL('../config/fixtures/interfaces-defaults.yml', import.meta.url), 'utf8');

// The real top-level keys (from the defaults, so a new key is fuzzed too), `_extends`, and two typos.
const KEYS = [...Object.keys(defaultConfig()), '_extends', 'minCoverag', 'perod'];
const NESTED = [
  'fallback',
  'signals',
  'workflows',
  'labels',
  'kinds',
  'hotfixPattern',
  'sla',
  'critical',
  'dismissedAsFixed',
  'target',
  'checkRun',
  'releaseNotes',
  'failOnNotWellPackaged',
  'wellPackaged',
  'share',
  'patchCoverage',
  'ios',
  'all',
  'minCoverage',
];
const SCALARS = [
  '14d',
  '7d',
  '0d',
  '-3d',
  '12h',
  '30m',
  '1.5d',
  'latest-before',
  'none',
  'redeploy',
  'manual-workflow',
  '/hotfix/i',
  '/(/',
  '[',
  '2024-01-01T00:00:00Z',
  'not a date',
  'cloud',
  'acme/*',
  '**',
  '',
];

const scalar = fc.oneof(
  fc.constantFrom(...SCALARS),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...NESTED), fc.string({ maxLength: 8 })), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;
const configObject = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 });

const noise = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    ':',
    '- ',
    '  ',
    '\n',
    '\t',
    '{',
    '}',
    '[',
    ']',
    '&a ',
    '*a',
    '<<: *a\n',
    '!!binary ',
    '? ',
    '|\n',
    '"',
    "'",
    '#',
  ),
);
const edit = fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 30 }), insert: noise });

const text = fc.oneof(
  fc.tuple(fc.constant(DEFAULTS), fc.array(edit, { minLength: 1, maxLength: 4 })),
  fc.tuple(
    configObject.map((object) => stringify(object)),
    fc.array(edit, { maxLength: 2 }),
  ),
);

function applyEdits([base, edits]: [string, { at: number; remove: number; insert: string }[]]): string {
  let result = base;
  for (const { at, remove, insert } of edits) {
    const where = at % (result.length + 1);
    result = result.slice(0, where) + insert + result.slice(where + remove);
  }
  return result;
}

describe('fuzzing parseConfig', () => {
  it(`${FUZZ_RUNS.toLocaleString('en')} mangled config files: a Config, or a ConfigError naming file and key or line`, async () => {
    let rejected = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(text, async (parts) => {
        const yaml = applyEdits(parts);
        await bounded({
          what: `parseConfig of ${JSON.stringify(yaml.slice(0, 80))}`,
          run: () => {
            try {
              const config = parseConfig({ text: yaml, file: FILE });
              expect(typeof config.period).toBe('number');
              accepted++;
            } catch (error) {
              if (!(error instanceof ConfigError)) throw error;
              expect(error.file).toBe(FILE);
              expect(error.issues.length).toBeGreaterThan(0);
              for (const issue of error.issues) {
                expect(issue.path !== '' || issue.line !== null, `issue without key or line: ${error.message}`).toBe(
                  true,
                );
                expect(issue.message.length).toBeGreaterThan(0);
              }
              expect(error.message.startsWith(FILE)).toBe(true);
              rejected++;
            }
          },
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(rejected).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(accepted).toBeGreaterThan(0);
  }, 240_000);
});
