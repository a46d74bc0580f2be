import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchRow } from '../types.ts';
import { makeLargeLcov } from './make-large-lcov.ts';

interface ChildResult {
  lines: { covered: number; total: number };
  files: number;
  maxRssKb: number;
  seconds: number;
}

/** Runs one parser in its own Node process; whole-process wall time. */
async function timeChild(script: string, file: string): Promise<ChildResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${script} exited ${code}`);
  return { ...(JSON.parse(stdout) as Omit<ChildResult, 'seconds'>), seconds };
}

const best = (runs: ChildResult[]): ChildResult => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));

/**
 * Shipwell's lcov parser against the lcov-parse npm package on one large real
 * report, each in separate child processes in the same run (best of `rounds`).
 */
export async function runCoverageBench({ megabytes = 60, rounds = 3 } = {}): Promise<BenchRow[]> {
  const repo = resolve(import.meta.dirname, '../..');
  const file = await makeLargeLcov({ repo, megabytes });
  const size = statSync(file).size / (1024 * 1024);
  const oursRuns: ChildResult[] = [];
  const theirsRuns: ChildResult[] = [];
  for (let round = 0; round < rounds; round++) {
    oursRuns.push(await timeChild(join(repo, 'bench/coverage/parse-with-shipwell.ts'), file));
    theirsRuns.push(await timeChild(join(repo, 'bench/coverage/parse-with-lcov-parse.ts'), file));
  }
  const ours = best(oursRuns);
  const theirs = best(theirsRuns);
  const speedup = theirs.seconds / ours.seconds;
  const oursRss = Math.max(...oursRuns.map((run) => run.maxRssKb)) / 1024;
  const theirsRss = Math.max(...theirsRuns.map((run) => run.maxRssKb)) / 1024;
  const same = ours.lines.covered === theirs.lines.covered && ours.lines.total === theirs.lines.total;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return [
    {
      name: 'coverage: lcov report size',
      value: round1(size),
      unit: 'MB',
      note: `${ours.files} files, ${ours.lines.total} DA lines (c8 report of zod+yaml, replicated)`,
    },
    {
      name: 'coverage: shipwell lcov parse (whole process)',
      value: round1(size / ours.seconds),
      unit: 'MB/s',
      note: `${ours.seconds.toFixed(2)} s`,
    },
    {
      name: 'coverage: lcov-parse (whole process)',
      value: round1(size / theirs.seconds),
      unit: 'MB/s',
      note: `${theirs.seconds.toFixed(2)} s`,
    },
    { name: 'coverage: speed-up over lcov-parse', value: round1(speedup), unit: 'x', target: '>= 5', ok: speedup >= 5 },
    { name: 'coverage: shipwell peak RSS', value: round1(oursRss), unit: 'MB', target: '< 150', ok: oursRss < 150 },
    { name: 'coverage: lcov-parse peak RSS', value: round1(theirsRss), unit: 'MB' },
    {
      name: 'coverage: same line totals as lcov-parse',
      value: same ? 1 : 0,
      unit: 'bool',
      target: '1',
      ok: same,
      note: `${ours.lines.covered}/${ours.lines.total}`,
    },
  ];
}
