// Fuzzing of every coverage parser (issue #7, "bad input"): 10,000 cases per
// format, each a real report of that format (test/fixtures/coverage) cut,
// spliced, with bytes replaced or lines repeated, or plain noise, streamed in
// chunks of random size (strings or UTF-8 bytes, cut anywhere). Every case
// either parses or throws a CoverageError that names the file and a line,
// within a time bound; nothing else may escape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageError, type CoverageFormat, coverageTotals, parseCoverage } from '../../src/coverage/index.ts';
import { FIXTURES } from '../coverage/read-fixture.ts';
import { bounded, FUZZ_RUNS } from './bounded.ts';

const FILE = 'fuzz/coverage.report';

const FIXTURE_OF: Record<CoverageFormat, string[]> = {
  lcov: ['js-c8.info', 'c-gcc.info'],
  cobertura: ['py-coverage.cobertura.xml'],
  jacoco: ['java-jacoco.xml'],
  clover: ['js-c8.clover.xml'],
  istanbul: ['js-c8.coverage-final.json', 'js-c8.coverage-summary.json'],
  go: ['go.coverprofile'],
  xccov: ['xcode.xccov.json'],
};

/** Tokens of the formats: noise made of them reaches deeper than random characters. */
const TOKENS = [
  'SF:',
  'DA:',
  'BRDA:',
  'LF:',
  'LH:',
  'end_of_record',
  'TN:',
  '<',
  '>',
  '/>',
  '"',
  '=',
  '<line number="1" hits="',
  '<class filename="',
  '<sourcefile name="',
  '<counter type="LINE" missed="',
  '<file path="',
  '<coverage',
  '<report name="x">',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"statementMap":',
  '"s":',
  '"lines":',
  '"executableLines":',
  '"targets":',
  'mode: set',
  'a.go:1.2,3.4 5 6',
  '\n',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '-1',
  '1e309',
  '99999999999999999999',
  'NaN',
  '\uD800',
  '😀',
];

type Edit =
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat-line'; at: number }
  | { kind: 'replace'; at: number; text: string };

const noise = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((parts) => parts.join('')),
  // line numbers and counts: ordinary ones, and past every cap (rejected at once);
  // legal but huge line numbers (up to 2^28) are not drawn: each costs a dense
  // array of that many bytes, which is the parsers' documented design
  fc.integer({ min: -1000, max: 1_000_000 }).map(String),
  fc.constantFrom('268435456', '2000000000', '4294967296', '18446744073709551616'),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: noise }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('repeat-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: noise }),
);

function apply(text: string, change: Edit): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'cut':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'replace':
      return text.slice(0, at) + change.text + text.slice(at + change.text.length);
    case 'repeat-line': {
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const end = text.indexOf('\n', at);
      const line = text.slice(start, end === -1 ? text.length : end + 1);
      return text.slice(0, start) + line + line + text.slice(start);
    }
  }
}

/** The text as chunks of `size`: strings, or UTF-8 bytes (a chunk may cut a character in two). */
async function* chunksOf({ text, size, bytes }: { text: string; size: number; bytes: boolean }) {
  if (bytes) {
    const all = new TextEncoder().encode(text);
    for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
  } else {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
}

function fuzzInput(format: CoverageFormat) {
  const fixtures = FIXTURE_OF[format].map((name) => readFileSync(join(FIXTURES, name), 'utf8'));
  return fc.record({
    text: fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...fixtures), fc.array(edit, { minLength: 1, maxLength: 4 })) },
      { weight: 1, arbitrary: fc.tuple(fc.constant(''), fc.array(edit, { minLength: 1, maxLength: 6 })) },
    ),
    size: fc.oneof(
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 16 }) },
      { weight: 6, arbitrary: fc.integer({ min: 17, max: 4096 }) },
    ),
    bytes: fc.boolean(),
    /** Forced format, or detection from content (which must then fail just as cleanly). */
    detect: fc.boolean(),
  });
}

/** What a rejected report must be: a CoverageError naming this file and a line. */
function expectNamedError(error: unknown): void {
  if (!(error instanceof CoverageError)) throw error;
  expect(error.file).toBe(FILE);
  expect(Number.isInteger(error.line) && error.line >= 1, `line of "${error.message}"`).toBe(true);
  expect(error.message.startsWith(`${FILE}:${error.line}: `)).toBe(true);
  expect(error.reason.length).toBeGreaterThan(0);
}

describe.each(Object.keys(FIXTURE_OF) as CoverageFormat[])('fuzzing parseCoverage: %s', (format) => {
  it(`${FUZZ_RUNS.toLocaleString('en')} mangled reports: parsed, or a CoverageError with file and line; never a hang`, async () => {
    let rejected = 0;
    let parsed = 0;
    await fc.assert(
      fc.asyncProperty(fuzzInput(format), async ({ text: [base, edits], size, bytes, detect }) => {
        const text = edits.reduce(apply, base);
        await bounded({
          what: `${format} parser on ${JSON.stringify(text.slice(0, 80))}…`,
          run: async () => {
            try {
              const report = await parseCoverage({
                chunks: chunksOf({ text, size, bytes }),
                file: FILE,
                ...(detect ? {} : { format }),
              });
              // a report that parsed is usable: totals can be taken
              coverageTotals(report);
              parsed++;
            } catch (error) {
              expectNamedError(error);
              rejected++;
            }
          },
        });
      }),
      { numRuns: FUZZ_RUNS },
    );
    // the generator reaches both sides: real reports survive edits, and broken ones are refused
    expect(rejected).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(parsed).toBeGreaterThan(0);
  }, 240_000);
});
