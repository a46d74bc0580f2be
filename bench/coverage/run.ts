// Runs the coverage benchmark alone: node bench/coverage/run.ts [MEGABYTES...] (default 60 150)
import { runCoverageBench } from './run-coverage-bench.ts';

const sizes = process.argv.slice(2).map(Number);
const rows = await runCoverageBench(sizes.length > 0 ? { megabytes: sizes } : {});
console.table(
  rows.map((row) => ({
    name: row.name,
    value: row.value,
    unit: row.unit,
    target: row.target ?? '',
    ok: row.ok === undefined ? '' : row.ok ? 'yes' : 'NO',
    note: row.note ?? '',
  })),
);
process.exitCode = rows.some((row) => row.ok === false) ? 1 : 0;
