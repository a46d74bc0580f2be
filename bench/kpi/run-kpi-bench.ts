import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../types.ts';

const SIZES = [100_000, 300_000, 1_000_000];

/** KPI computation over 100 k / 300 k / 1 M synthetic events (5,000 repos, 3 segments), median of 3 runs each. */
export async function runKpiBench(): Promise<BenchRow[]> {
  const script = fileURLToPath(new URL('./measure-kpis.ts', import.meta.url));
  const results = SIZES.map((size) => {
    const out = execFileSync(process.execPath, ['--max-old-space-size=4096', script, String(size)], {
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as { count: number; ms: number; rssMb: number };
  });
  const rows: BenchRow[] = [];
  for (const r of results) {
    const big = r.count >= 1_000_000;
    rows.push({
      name: `KPI report, ${r.count.toLocaleString('en')} events`,
      value: Math.round(r.ms),
      unit: 'ms',
      ...(big ? { target: '< 1500 ms', ok: r.ms < 1500 } : {}),
      ...(big && r.ms >= 1500
        ? {
            note: 'what dominates (CPU profile; one repo indexed and evaluated at a time, ~0.7-0.8 s when measured alone): per-repo evaluation ~30 %, per-repo fact indexing ~25 %, garbage collection ~10-15 % (scavenges of a 270-450 MB heap, most of it the synthetic facts themselves; no mark-compact during a run), report rows with ISO times for ~35 k shown releases ~12 %, sorting them and the segment tallies the rest',
          }
        : {}),
    });
    rows.push({
      name: `KPI report, ${r.count.toLocaleString('en')} events, peak RSS`,
      value: Math.round(r.rssMb),
      unit: 'MB',
      ...(big ? { target: '< 1024 MB', ok: r.rssMb < 1024 } : {}),
      note: 'whole process, facts included',
    });
  }
  const [small, , large] = results;
  const growth = large!.ms / large!.count / (small!.ms / small!.count);
  rows.push({
    name: 'KPI time per event, 1 M vs 100 k',
    value: Math.round(growth * 100) / 100,
    unit: '×',
    target: '≈ 1 (linear)',
    ok: growth < 1.5,
  });
  const compared = JSON.parse(
    execFileSync(
      process.execPath,
      ['--max-old-space-size=4096', fileURLToPath(new URL('./compare-incremental.ts', import.meta.url)), '1000000'],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .at(-1)!,
  ) as { count: number; identical: boolean; ms: number; reads: Record<string, number> };
  rows.push({
    name: `Incremental evaluation (the App's path), ${compared.count.toLocaleString('en')} events: report vs the full computation`,
    value: Math.round(compared.ms),
    unit: 'ms',
    target: 'byte-identical',
    ok: compared.identical,
    note: `${compared.identical ? 'identical' : 'DIFFERENT'}; each repository stored in 8 parts in time order, re-evaluated after each: ${compared.reads.since} re-evaluations from a stable release on, ${compared.reads.changes} from the changes alone, ${compared.reads.all} of everything (each repository's first, or a change reaching back to its first release)`,
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await runKpiBench())
    console.log(
      `${row.name}: ${row.value} ${row.unit}${row.target ? ` (target ${row.target}: ${row.ok ? 'met' : 'MISSED'})` : ''}`,
    );
}
