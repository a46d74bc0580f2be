import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoverageError, type CoverageFormat, parseCoverage } from '../../src/coverage/index.ts';
import { FIXTURES, textChunks } from './read-fixture.ts';

async function failure(text: string, format?: CoverageFormat): Promise<CoverageError> {
  try {
    await parseCoverage({ chunks: textChunks(text), file: 'report.txt', format });
  } catch (error) {
    if (error instanceof CoverageError) return error;
    throw error;
  }
  throw new Error('expected a CoverageError, the report was accepted');
}

const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

describe('bad input is rejected with FILE:LINE: expected …', () => {
  it('lcov cut before end_of_record', async () => {
    const text = fixture('js-c8.info');
    const cut = text.slice(0, text.lastIndexOf('end_of_record'));
    const error = await failure(cut);
    expect(error.message).toMatch(/^report\.txt:\d+: expected end_of_record before the end of the file/);
    expect(error.line).toBe(cut.trimEnd().split('\n').length);
  });

  it('lcov with a malformed DA record names its line', async () => {
    const text = 'TN:\nSF:a.js\nDA:1,1\nDA:two,1\nend_of_record\n';
    const error = await failure(text);
    expect(error.file).toBe('report.txt');
    expect(error.line).toBe(4);
    expect(error.message).toBe('report.txt:4: expected DA:<line>,<hits>, found a malformed DA record');
  });

  it('lcov SF inside an open record', async () => {
    expect((await failure('SF:a.js\nDA:1,1\nSF:b.js\n')).message).toMatch(
      /^report\.txt:3: expected end_of_record before SF/,
    );
  });

  for (const name of ['py-coverage.cobertura.xml', 'java-jacoco.xml', 'js-c8.clover.xml']) {
    it(`truncated XML: ${name}`, async () => {
      const text = fixture(name);
      const cut = text.slice(0, Math.floor(text.length * 0.6));
      const error = await failure(cut);
      expect(error.message).toMatch(/^report\.txt:\d+: expected well-formed XML/);
      expect(error.line).toBe(lineOf(cut, cut.length));
    });
  }

  it('XML ending in a lone surrogate after `<!` (saxes throws a RangeError there) names the file and line', async () => {
    const text = fixture('py-coverage.cobertura.xml');
    const cut = `${text.slice(0, text.indexOf('<sources>'))}<!\ud800`;
    const error = await failure(cut, 'cobertura');
    expect(error.message).toMatch(/^report\.txt:\d+: expected well-formed XML/);
    expect(error.line).toBe(lineOf(cut, cut.length));
  });

  it('a Cobertura line without hits names the element', async () => {
    const text =
      '<?xml version="1.0"?>\n<coverage line-rate="1">\n<packages><package><classes>\n<class filename="a.py"><lines>\n<line number="3"/>\n</lines></class></classes></package></packages></coverage>\n';
    const error = await failure(text);
    expect(error.message).toBe('report.txt:5: expected <line hits="<non-negative integer>">, found no hits');
  });

  it('truncated JSON', async () => {
    const text = fixture('js-c8.coverage-final.json');
    const error = await failure(text.slice(0, 500));
    expect(error.message).toMatch(
      /^report\.txt:\d+: expected Istanbul coverage-final\.json or coverage-summary\.json, found invalid JSON/,
    );
  });

  it('xccov JSON of the wrong shape names the key', async () => {
    const error = await failure('{"targets": [], "executableLines": "many", "coveredLines": 1}');
    expect(error.message).toMatch(/^report\.txt:1: expected xccov view --report --json output: at "executableLines"/);
  });

  it('a Go profile with a broken block line', async () => {
    const error = await failure('mode: set\na.go:1.1,2.2 1 1\na.go:3.1 1\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/expected <file>:<line>\.<col>,<line>\.<col> <statements> <count>/);
  });

  it('unknown content and empty files under auto', async () => {
    expect((await failure('hello\n')).message).toMatch(
      /^report\.txt:1: expected a coverage report .* found content that is none of these/,
    );
    expect((await failure('')).message).toMatch(/found an empty file; use --format/);
  });

  it('forcing the wrong XML format', async () => {
    const error = await failure(fixture('java-jacoco.xml'), 'cobertura');
    expect(error.message).toMatch(/expected a Cobertura <coverage> root element, found <report>/);
  });
});
