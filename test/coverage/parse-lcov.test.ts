import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  branchHitsOf,
  CoverageError,
  type CoverageReport,
  lineHitsOf,
  parseCoverage,
} from '../../src/coverage/index.ts';

/** Text as UTF-8 byte chunks cut at the given (sorted, deduplicated) byte offsets. */
async function* byteChunks(text: string, cuts: number[]): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let from = 0;
  for (const cut of [...cuts.filter((at) => at > 0 && at < bytes.length), bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

async function* one(text: string): AsyncGenerator<string> {
  yield text;
}

const parse = (text: string, cuts: number[] = []): Promise<CoverageReport> =>
  parseCoverage({
    chunks: byteChunks(
      text,
      [...new Set(cuts)].sort((a, b) => a - b),
    ),
    file: 'r.info',
    format: 'lcov',
  });

/** Every file's lines and branches in plain form, to compare two parses. */
function plain(report: CoverageReport): unknown {
  return [...report.files].map(([path, file]) => [path, [...lineHitsOf(file)], [...(branchHitsOf(file) ?? [])]]);
}

async function failure(text: string): Promise<CoverageError> {
  try {
    await parse(text);
  } catch (error) {
    if (error instanceof CoverageError) return error;
    throw error;
  }
  throw new Error('expected a CoverageError, the report was accepted');
}

describe('parseLcov', () => {
  it('reads DA hits as covered or not, whatever their digits, with or without a checksum', async () => {
    const report = await parse(
      'SF:a.js\nDA:1,0\nDA:2,00\nDA:3,10\nDA:4,1,abc\nDA:5,0,xyz\nDA:12345,7\nend_of_record\n',
    );
    expect([...lineHitsOf(report.files.get('a.js')!)]).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
      [5, 0],
      [12345, 1],
    ]);
  });

  it('reads BRDA outcomes in order, `-` as never taken, and skips records it does not count', async () => {
    const report = await parse(
      'TN:t\nSF:a.js\nFN:1,f\nFNDA:3,f\nFNF:1\nFNH:1\nBRDA:2,0,0,5\nBRDA:2,0,1,-\nBRDA:4,x y,z,0\nBRF:3\nBRH:1\nDA:2,1\nLF:1\nLH:1\nend_of_record\n',
    );
    const file = report.files.get('a.js')!;
    expect([...(branchHitsOf(file) ?? [])]).toEqual([
      [2, [5, 0]],
      [4, [0]],
    ]);
    expect([...lineHitsOf(file)]).toEqual([[2, 1]]);
  });

  it('gives the same result however the bytes are cut into chunks, with LF or CRLF', async () => {
    const text =
      'TN:\nSF:src/ä b.js\nFN:1,f\nFNDA:1,f\nDA:1,1\nDA:2,0\nDA:10,3\nBRDA:1,0,0,1\nBRDA:1,0,1,-\nend_of_record\nSF:c.js\nDA:4,0\nend_of_record\nSF:src/ä b.js\nDA:2,2\nBRDA:1,0,1,4\nBRDA:7,0,0,0\nend_of_record\n';
    const whole = plain(await parse(text));
    const crlf = text.replace(/\n/g, '\r\n');
    const length = new TextEncoder().encode(crlf).length;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: length - 1 }), { maxLength: 12 }), async (cuts) => {
        expect(plain(await parse(text, cuts))).toEqual(whole);
        expect(plain(await parse(crlf, cuts))).toEqual(whole);
      }),
    );
    expect(whole).toEqual([
      [
        'src/ä b.js',
        [
          [1, 1],
          [2, 1],
          [10, 1],
        ],
        [
          // The second record's first outcome on line 1 is matched by rank: 1 + 4.
          [1, [5, 0]],
          [7, [0]],
        ],
      ],
      ['c.js', [[4, 0]], []],
    ]);
  });

  it('reads string chunks cut inside a surrogate pair', async () => {
    const text = 'SF:😀.js\nDA:1,1\nend_of_record\n';
    const chunks = async function* () {
      yield text.slice(0, 4);
      yield text.slice(4);
    };
    const report = await parseCoverage({ chunks: chunks(), file: 'r.info', format: 'lcov' });
    expect([...report.files.keys()]).toEqual(['😀.js']);
  });

  it('strips a BOM and reads a last line without a newline', async () => {
    const report = await parseCoverage({ chunks: one('\uFEFFSF:a.js\nDA:1,1\nend_of_record'), file: 'r' });
    expect([...report.files.keys()]).toEqual(['a.js']);
  });

  it.each([
    ['SF:a.js\nDA:1,1\nDA:2,-1\nend_of_record\n', 3, 'expected DA:<line>,<hits>, found a malformed DA record'],
    ['SF:a.js\nDA:1,\nend_of_record\n', 2, 'expected DA:<line>,<hits>, found a malformed DA record'],
    ['SF:a.js\nDA:1,2 \nend_of_record\n', 2, 'expected DA:<line>,<hits>, found a malformed DA record'],
    ['DA:1,1\n', 1, 'expected SF:<path> before a DA record'],
    [
      'SF:a.js\nBRDA:1,0,0,-5\nend_of_record\n',
      2,
      'expected BRDA:<line>,<block>,<branch>,<taken or ->, found a malformed BRDA record',
    ],
    [
      'SF:a.js\nBRDA:1,0,0\nend_of_record\n',
      2,
      'expected BRDA:<line>,<block>,<branch>,<taken or ->, found a malformed BRDA record',
    ],
    [
      'SF:a.js\nBRDA:1,0,0,1,2\nend_of_record\n',
      2,
      'expected BRDA:<line>,<block>,<branch>,<taken or ->, found a malformed BRDA record',
    ],
    [
      'SF:a.js\nfn:1,f\nend_of_record\n',
      2,
      'expected an lcov record (KEY:value or end_of_record), found a line of 6 bytes',
    ],
    [
      'SF:a.js\nhello\nend_of_record\n',
      2,
      'expected an lcov record (KEY:value or end_of_record), found a line of 5 bytes',
    ],
    ['SF:a.js\nDA:1,1\n', 2, 'expected end_of_record before the end of the file (record opened at line 1)'],
    ['SF:\n', 1, 'expected SF:<path>, found an empty path'],
    ['end_of_record\n', 1, 'expected SF:<path> before end_of_record'],
    ['SF:a.js\nDA:99999999999,1\nend_of_record\n', 2, 'expected DA:<line>,<hits> with a line number up to'],
  ])('rejects %j at line %i', async (text, line, reason) => {
    const error = await failure(text);
    expect(error.line).toBe(line);
    expect(error.reason.startsWith(reason)).toBe(true);
  });

  it('accepts blank lines and keys with digits and underscores', async () => {
    const report = await parse('\n  \nSF:a.js\nX_1:2\nDA:1,1\n\nend_of_record\n');
    expect([...lineHitsOf(report.files.get('a.js')!)]).toEqual([[1, 1]]);
  });
});
