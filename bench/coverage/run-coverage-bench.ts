import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchRow } from '../types.ts';
import { bundleChild } from './bundle-child.ts';
import { makeLargeLcov } from './make-large-lcov.ts';
import { type ChildResult, timeChild } from './time-child.ts';

const MIB = 1024 * 1024;
const round1 = (x: number): number => Math.round(x * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median wall time, the highest peak RSS (the worst run), every run's time for the note. */
function summary(runs: ChildResult[]): { seconds: number; rssMb: number; times: string } {
  return {
    seconds: median(runs.map((run) => run.seconds)),
    rssMb: Math.max(...runs.map((run) => run.maxRssKb)) / 1024,
    times: runs.map((run) => run.seconds.toFixed(2)).join(', '),
  };
}

/**
 * Shipwell's lcov reading (files/ + src/coverage/, merge and totals, as
 * `shipwell coverage FILE`) against the lcov-parse npm package on large real
 * reports (c8 over zod + yaml, replicated under distinct names), each parser
 * in its own child process, alternating, in the same run: median wall time of
 * `rounds` runs, worst peak RSS. MB = 2^20 bytes. Both children run as
 * esbuild bundles (how Shipwell ships); Shipwell from its .ts sources (Node's
 * type stripping at start-up, development only) is reported alongside.
 */
export async function runCoverageBench({
  megabytes = [60, 150],
  rounds = 3,
}: {
  megabytes?: number | number[];
  rounds?: number;
} = {}): Promise<BenchRow[]> {
  const repo = resolve(import.meta.dirname, '../..');
  const oursSource = join(repo, 'bench/coverage/parse-with-shipwell.ts');
  const ours = await bundleChild({ repo, entry: 'bench/coverage/parse-with-shipwell.ts' });
  const theirs = await bundleChild({ repo, entry: 'bench/coverage/parse-with-lcov-parse.ts' });
  const rows: BenchRow[] = [];
  for (const size of Array.isArray(megabytes) ? megabytes : [megabytes]) {
    const file = await makeLargeLcov({ repo, megabytes: size });
    const mb = statSync(file).size / MIB;
    const oursRuns: ChildResult[] = [];
    const theirsRuns: ChildResult[] = [];
    const sourceRuns: ChildResult[] = [];
    for (let round = 0; round < rounds; round++) {
      oursRuns.push(await timeChild({ script: ours, file }));
      theirsRuns.push(await timeChild({ script: theirs, file }));
      sourceRuns.push(await timeChild({ script: oursSource, file }));
    }
    const us = summary(oursRuns);
    const them = summary(theirsRuns);
    const source = summary(sourceRuns);
    const speed = mb / us.seconds;
    const speedup = them.seconds / us.seconds;
    const first = oursRuns[0]!;
    const same = [...oursRuns, ...sourceRuns, ...theirsRuns].every(
      (run) => run.lines.covered === first.lines.covered && run.lines.total === first.lines.total,
    );
    const label = `coverage ${size} MB lcov`;
    rows.push(
      {
        name: `${label}: report`,
        value: round1(mb),
        unit: 'MB',
        note: `${first.files} files, ${first.lines.total} DA lines (c8 report of zod+yaml, replicated)`,
      },
      {
        name: `${label}: shipwell (whole process)`,
        value: round1(speed),
        unit: 'MB/s',
        target: '>= 150',
        ok: speed >= 150,
        note: `median ${us.seconds.toFixed(2)} s (${us.times})${
          speed >= 150 ? '' : '; what dominates: docs/coverage.md, Large reports'
        }`,
      },
      {
        name: `${label}: lcov-parse (whole process)`,
        value: round1(mb / them.seconds),
        unit: 'MB/s',
        note: `median ${them.seconds.toFixed(2)} s (${them.times})`,
      },
      {
        name: `${label}: speed-up over lcov-parse`,
        value: round1(speedup),
        unit: 'x',
        target: '>= 5',
        ok: speedup >= 5,
      },
      {
        name: `${label}: shipwell peak RSS`,
        value: round1(us.rssMb),
        unit: 'MB',
        target: '< 150',
        ok: us.rssMb < 150,
        note: `worst of ${rounds} runs${us.rssMb < 150 ? '' : '; what dominates: docs/coverage.md, Large reports'}`,
      },
      { name: `${label}: lcov-parse peak RSS`, value: round1(them.rssMb), unit: 'MB', note: `worst of ${rounds} runs` },
      {
        name: `${label}: shipwell from .ts sources`,
        value: round1(mb / source.seconds),
        unit: 'MB/s',
        note: `dev mode (Node strips types at start-up): median ${source.seconds.toFixed(2)} s, peak RSS ${round1(source.rssMb)} MB`,
      },
      {
        name: `${label}: same line totals as lcov-parse`,
        value: same ? 1 : 0,
        unit: 'bool',
        target: '1',
        ok: same,
        note: `${first.lines.covered}/${first.lines.total}`,
      },
    );
  }
  return rows;
}
