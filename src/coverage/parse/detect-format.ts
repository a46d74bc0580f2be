import { CoverageError } from '../coverage-error.ts';
import type { CoverageFormat } from '../types.ts';

/** How many characters of a file `detectFormat` needs to see. */
export const DETECT_HEAD_LENGTH = 8192;

/**
 * Tells a report's format from its first few KB of content (never its name):
 * XML by root element, JSON by its keys, Go by `mode:`, lcov by its records.
 * Throws a CoverageError naming the file when nothing matches.
 */
export function detectFormat({ head, file }: { head: string; file: string }): CoverageFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) {
    // Skip the prolog, comments and DOCTYPE to the root element.
    const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '').trimStart();
    const root = /^<([A-Za-z_][\w.-]*)/.exec(body)?.[1];
    if (root === 'report') return 'jacoco';
    if (root === 'coverage') {
      if (/^<coverage\b[^>]*\bclover=/.test(body) || /<project\b/.test(body)) return 'clover';
      return 'cobertura';
    }
  } else if (text.startsWith('{')) {
    if (/"executableLines"\s*:/.test(text) && /"targets"\s*:/.test(text)) return 'xccov';
    if (/^\{\s*\}?\s*$/.test(text) || /"statementMap"\s*:|"total"\s*:\s*\{\s*"lines"/.test(text)) return 'istanbul';
    if (/^\{\s*"[^"]*"\s*:\s*\{\s*"(path|data|statementMap|lines|statements|s|fnMap)"\s*:/.test(text))
      return 'istanbul';
  } else {
    const first = text.split('\n', 1)[0]!.trimEnd();
    if (/^mode: (set|count|atomic)$/.test(first)) return 'go';
    if (/^(TN|SF|VER):/.test(first)) return 'lcov';
  }
  // never the text itself: a file that is no report (an env file, a key) may be secret
  const found = text === '' ? 'an empty file' : 'content that is none of these';
  throw new CoverageError({
    file,
    line: 1,
    reason: `expected a coverage report (lcov, Cobertura, JaCoCo, Clover, Istanbul JSON, Go coverprofile or xccov JSON), found ${found}; use --format to force one`,
  });
}
