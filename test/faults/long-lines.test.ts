// One very long line in a coverage report (issue #12): a 64 MB lcov line cost
// 14 s of quadratic copying, and a 65 KB .gz expanding to it 14 s and 386 MB.
// Each is now refused within the fault suite's time bound, naming file and line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CoverageFileError, readCoverageFiles } from '../../files/index.ts';
import { CoverageError } from '../../src/coverage/index.ts';
import { bounded } from './bounded.ts';

const dir = mkdtempSync(join(tmpdir(), 'shipwell-long-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINE = 64 * 1024 * 1024;

describe('a 64 MB line', () => {
  const text = `TN:\nSF:${'a'.repeat(LINE)}\nend_of_record\n`;
  it.each([
    ['plain lcov', 'long.info', () => text],
    ['gzipped lcov', 'long.info.gz', () => gzipSync(text)],
    ['a Go profile', 'long.out', () => `mode: set\n${'a'.repeat(LINE)}\n`],
  ])('in %s is refused in bounded time, naming file and line', async (_, name, content) => {
    const file = join(dir, name);
    writeFileSync(file, content());
    const error = await bounded({
      what: name,
      run: () =>
        readCoverageFiles({ files: [file] }).then(
          () => null,
          (e: unknown) => e,
        ),
    });
    expect(error).toBeInstanceOf(CoverageError);
    expect(error).not.toBeInstanceOf(CoverageFileError);
    expect((error as CoverageError).message).toMatch(
      new RegExp(`${name.replace('.', '\\.')}:2: expected lines of at most`),
    );
  });
});
