// Coverage readers facing a file that is no report, or one that is a single
// huge line (issue #12): an error never quotes the file's text (it may be an
// env file or a key), and a line over the cap is refused naming file and line,
// gzipped or not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readCoverageFiles } from '../../files/index.ts';
import { COVERAGE_FORMATS, type CoverageFormat, MAX_REPORT_LINE_BYTES } from '../../src/coverage/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'shipwell-hostile-cov-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'Zq9-s3cr3t-value-Xk2';
// detection (no format named), then every format Shipwell reads
const FORMATS: (CoverageFormat | undefined)[] = [undefined, ...COVERAGE_FORMATS];
const SECRET_FILES: Record<string, string> = {
  environ: `HOME=/root\0AWS_SECRET_ACCESS_KEY=${SECRET}\0PATH=/bin\0`,
  dotenv: `# keys\nTOKEN=${SECRET}\n`,
  yaml: `token: ${SECRET}\n`,
  json: `{"token": "${SECRET}"}`,
  'json-broken': `{"token": ${SECRET}}`,
  xml: `<?xml version="1.0"?>\n<secrets><token>${SECRET}</token></secrets>\n`,
  'xml-attribute': `<coverage><packages><package><classes><class filename="a.js"><lines><line number="${SECRET}" hits="1"/></lines></class></classes></package></packages></coverage>\n`,
  'xml-namespace': `<coverage xmlns="${SECRET}" xmlns:x="${SECRET}"><x:y/></coverage>`,
  'lcov-da': `SF:a.js\nDA:1,${SECRET}\nend_of_record\n`,
  'lcov-record': `SF:a.js\n${SECRET}\nend_of_record\n`,
  'lcov-brda': `SF:a.js\nBRDA:1,0,0,${SECRET}\nend_of_record\n`,
  go: `mode: set\n${SECRET}\n`,
  pem: `-----BEGIN PRIVATE KEY-----\n${SECRET}\n-----END PRIVATE KEY-----\n`,
};

async function errorOf(file: string, format: CoverageFormat | undefined): Promise<Error | null> {
  try {
    await readCoverageFiles({ files: [file], format });
    return null;
  } catch (error) {
    return error as Error;
  }
}

describe('errors never quote the file', () => {
  it.each(Object.entries(SECRET_FILES))('%s, read under every format', async (name, text) => {
    const file = join(dir, `${name}.txt`);
    writeFileSync(file, text);
    let refused = 0;
    for (const format of FORMATS) {
      const error = await errorOf(file, format);
      if (error === null) continue; // read as a (coverage-free) report: nothing to echo
      refused += 1;
      expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+)?: `));
      expect(error.message.toLowerCase(), `${name} as ${format ?? 'auto'}`).not.toContain('s3cr3t');
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('shipwell coverage /proc/self/environ prints no variable', () => {
    const run = spawnSync(process.execPath, ['cli/index.ts', 'coverage', '/proc/self/environ'], {
      encoding: 'utf8',
      env: { SHIPWELL_TEST_SECRET: SECRET, ...process.env },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('/proc/self/environ:1: expected a coverage report');
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
    expect(`${run.stdout}${run.stderr}`).not.toContain('SHIPWELL_TEST_SECRET');
  });
});

describe('a line longer than the cap', () => {
  const long = 'x'.repeat(MAX_REPORT_LINE_BYTES * 2);
  const cases: [string, string, CoverageFormat, number][] = [
    ['lcov SF path', `TN:\nSF:${long}\nend_of_record\n`, 'lcov', 2],
    ['lcov skipped record', `TN:${long}\nSF:a\nend_of_record\n`, 'lcov', 1],
    ['lcov unknown line', `SF:a\nDA:1,1\n${long}`, 'lcov', 3],
    ['Go block', `mode: set\n${long}\n`, 'go', 2],
  ];
  it.each(cases)('%s is refused with file and line, plain and gzipped', async (_, text, format, line) => {
    for (const gzip of [false, true]) {
      const file = join(dir, `long-${format}-${line}${gzip ? '.gz' : ''}`);
      writeFileSync(file, gzip ? gzipSync(text) : text);
      for (const forced of [format, undefined]) {
        const error = await errorOf(file, forced);
        expect(error?.message).toBe(
          `${file}:${line}: expected lines of at most ${MAX_REPORT_LINE_BYTES} bytes, found a longer one`,
        );
      }
    }
  });

  it('a line just under the cap is read', async () => {
    const file = join(dir, 'just-under.info');
    writeFileSync(file, `TN:${'x'.repeat(MAX_REPORT_LINE_BYTES - 3)}\nSF:a.js\nDA:1,1\nend_of_record\n`);
    const [report] = await readCoverageFiles({ files: [file] });
    expect([...report!.files.keys()]).toEqual(['a.js']);
  });
});
