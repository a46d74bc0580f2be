// One measurement in its own process (so RSS is this size's alone):
// `node bench/kpi/measure-kpis.ts COUNT` prints {"count","ms","rssMb"}.
import { defaultConfig } from '../../src/config/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { syntheticFacts } from './synthetic-facts.ts';

const count = Number(process.argv[2] ?? 100_000);
const now = Date.parse('2026-03-20T00:00:00Z');
const facts = syntheticFacts({ count, repos: 5_000, now });
const config = defaultConfig();
computeReport({ facts: facts.slice(0, 10_000), config, now }); // warm the JIT on a small slice
const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  const report = computeReport({ facts, config, now });
  runs.push(performance.now() - start);
  if (report.segments.length !== 4) throw new Error(`expected all + 3 segments, got ${report.segments.length}`);
}
runs.sort((a, b) => a - b);
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ count: facts.length, ms: runs[1], rssMb }));
