// periodAnchor is a real instant: a time the calendar does not have is a
// config error naming the key and line, never a rolled-over anchor.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.ts';

const FILE = '.github/shipwell.yml';

function issuesOf(text: string) {
  try {
    parseConfig({ text, file: FILE });
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('periodAnchor', () => {
  it.each([
    ['"2026-02-30T00:00:00Z"', 'February 2026 has 28 days'],
    ['2025-02-29T00:00:00Z', 'February 2025 has 28 days'],
    ['"2024-01-01T24:00:00Z"', 'hours run from 00 to 23'],
  ])('%s is a config error, not a rolled-over date', (value, why) => {
    expect(issuesOf(`history: 2\nperiodAnchor: ${value}\n`)).toEqual([
      {
        path: 'periodAnchor',
        line: 2,
        message: `expected a real calendar time (${why}), found "${value.replaceAll('"', '')}"`,
      },
    ]);
  });

  it('accepts a leap day that exists', () => {
    expect(parseConfig({ text: 'periodAnchor: "2024-02-29T00:00:00Z"\n', file: FILE }).periodAnchor).toBe(
      Date.UTC(2024, 1, 29),
    );
  });
});
