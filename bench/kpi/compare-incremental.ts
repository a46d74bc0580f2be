// The App's incremental path against the full computation on the KPI
// benchmark's synthetic events, in its own process:
// `node bench/kpi/compare-incremental.ts COUNT` prints
// {"count","identical","ms","reads"}: each repository's facts stored in 8
// parts in time order and re-evaluated after each (test/kpi/incremental-report.ts),
// the report tallied from the evaluations compared byte for byte with computeReport.
import { defaultConfig } from '../../src/config/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { incrementalReport } from '../../test/kpi/incremental-report.ts';
import { syntheticFacts } from './synthetic-facts.ts';

const count = Number(process.argv[2] ?? 100_000);
const now = Date.parse('2026-03-20T00:00:00Z');
const facts = syntheticFacts({ count, repos: 5_000, now });
const config = defaultConfig();
const start = performance.now();
const { report, reads } = await incrementalReport({ facts, config, now, batches: 8 });
const ms = performance.now() - start;
const identical = JSON.stringify(report) === JSON.stringify(computeReport({ facts, config, now }));
console.log(JSON.stringify({ count: facts.length, identical, ms, reads }));
