import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { coverageCommand } from '../../cli/commands/coverage.ts';
import { CheckFailed, InputError } from '../../cli/errors.ts';
import { expectedFor, FIXTURES } from './read-fixture.ts';

async function run(args: string[]): Promise<{ stdout: string; error: unknown }> {
  let stdout = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } };
  try {
    await coverageCommand.run(args, io);
    return { stdout, error: null };
  } catch (error) {
    return { stdout, error };
  }
}

const at = (name: string) => join(FIXTURES, name);
const pct = (covered: number, total: number) => Math.round(((covered * 100) / total) * 10) / 10;

describe('shipwell coverage', () => {
  it('prints JSON totals equal to the tool’s (lcov)', async () => {
    const expected = expectedFor('c-gcc.info');
    const { stdout, error } = await run([at('c-gcc.info'), '--json', '--workspace', expected.workspace]);
    expect(error).toBeNull();
    const lines = expected.lines!;
    expect(JSON.parse(stdout)).toEqual({
      lines: { ...lines, pct: pct(lines.covered, lines.total) },
      branches: { ...expected.branches!, pct: pct(expected.branches!.covered, expected.branches!.total) },
      files: expected.files,
      format: 'lcov',
      unit: 'lines',
    });
  });

  it('says statements for Go and has no branches', async () => {
    const output = JSON.parse((await run([at('go.coverprofile'), '--json'])).stdout);
    expect(output.unit).toBe('statements');
    expect(output.branches).toBeNull();
    expect(output.lines.pct).toBe(expectedFor('go.coverprofile').linesPct);
  });

  it('names every merged format and prints a table per format', async () => {
    const files = [at('py-coverage.cobertura.xml'), at('js-c8.info')];
    expect(JSON.parse((await run([...files, '--json'])).stdout).format).toBe('lcov+cobertura');
    const { stdout } = await run(files);
    expect(stdout).toMatch(/^format\s+source files\s+lines\s+branches$/m);
    expect(stdout).toMatch(/^lcov\s/m);
    expect(stdout).toMatch(/^cobertura\s/m);
    expect(stdout).toMatch(/^total \(lcov\+cobertura\)\s/m);
  });

  it('reads gzipped reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwell-cov-'));
    const gz = join(dir, 'lcov.info.gz');
    writeFileSync(gz, gzipSync(readFileSync(at('js-c8.info'))));
    const plain = JSON.parse((await run([at('js-c8.info'), '--json'])).stdout);
    expect(JSON.parse((await run([gz, '--json'])).stdout)).toEqual(plain);
    const truncated = join(dir, 'cut.info.gz');
    const bytes = gzipSync(readFileSync(at('java-jacoco.xml')));
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 30));
    const { error } = await run([truncated]);
    expect(error).toBeInstanceOf(InputError);
  });

  it('--fail-under compares the exact ratio: exit 1 under, success at or over', async () => {
    const { lines } = expectedFor('java-jacoco.xml');
    const exact = (lines!.covered * 100) / lines!.total;
    const over = await run([at('java-jacoco.xml'), '--fail-under', String(Math.floor(exact))]);
    expect(over.error).toBeNull();
    const under = await run([at('java-jacoco.xml'), '--fail-under', String(Math.ceil(exact))]);
    expect(under.error).toBeInstanceOf(CheckFailed);
  });

  it('bad input is an InputError with FILE:LINE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwell-cov-'));
    const file = join(dir, 'bad.info');
    writeFileSync(file, 'SF:a.js\nDA:1,x\nend_of_record\n');
    const { error } = await run([file]);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${file}:2: expected DA:<line>,<hits>, found a malformed DA record`);
    expect((await run([at('js-c8.info'), '--format', 'svg'])).error).toBeInstanceOf(InputError);
    expect((await run([at('js-c8.info'), '--fail-under', 'lots'])).error).toBeInstanceOf(InputError);
    expect((await run([])).error).toBeInstanceOf(InputError);
    expect((await run([join(dir, 'missing.info')])).error).toBeInstanceOf(InputError);
  });

  it('--format forces the parser', async () => {
    const { error } = await run([at('js-c8.info'), '--format', 'go']);
    expect((error as Error).message).toMatch(/js-c8\.info:1: expected mode: set\|count\|atomic/);
  });

  it('has help naming every format', () => {
    for (const format of ['lcov', 'cobertura', 'jacoco', 'clover', 'istanbul', 'go', 'xccov']) {
      expect(coverageCommand.help).toContain(format);
    }
  });
});
