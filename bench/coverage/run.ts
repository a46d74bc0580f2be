// Runs the coverage benchmark alone: node bench/coverage/run.ts [MEGABYTES]
import { runCoverageBench } from './run-coverage-bench.ts';

const rows = await runCoverageBench({ megabytes: Number(process.argv[2] ?? 60) });
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
