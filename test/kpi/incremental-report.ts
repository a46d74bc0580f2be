// The App's way to a report, without its store: each repository's facts
// stored in `batches` parts in time order, re-evaluated after each
// (reevaluateRepo over a memory source, each at a time after its part's
// latest fact), then tallied at `now`. Used by incremental.test.ts and by the
// KPI benchmark (bench/kpi/compare-incremental.ts) on its synthetic events.
import type { Config } from '../../src/config/types.ts';
import type { Fact } from '../../src/events/types.ts';
import {
  createMemoryFactSource,
  factIndexFields,
  type RepoEvaluation,
  reevaluateRepo,
  tallyReport,
} from '../../src/kpi/index.ts';
import type { Report } from '../../src/report/types.ts';

export async function incrementalReport({
  facts,
  config,
  now,
  batches,
}: {
  facts: readonly Fact[];
  config: Config;
  now: number;
  batches: number;
}): Promise<{ report: Report; evaluations: RepoEvaluation[]; reads: Record<'all' | 'changes' | 'since', number> }> {
  const byRepo = new Map<string, Fact[]>();
  for (const fact of facts) {
    const own = byRepo.get(fact.repo);
    if (own) own.push(fact);
    else byRepo.set(fact.repo, [fact]);
  }
  const reads = { all: 0, changes: 0, since: 0 };
  const evaluations: RepoEvaluation[] = [];
  for (const [repo, own] of byRepo) {
    const timeOf = (fact: Fact): number => {
      const { knownAt, lastAt } = factIndexFields(fact);
      return Math.min(now, knownAt ?? lastAt ?? 0);
    };
    const ordered = [...own].sort((a, b) => timeOf(a) - timeOf(b));
    const stored: Fact[] = [];
    const source = createMemoryFactSource(stored);
    let previous: RepoEvaluation | null = null;
    for (let b = 0; b < batches; b++) {
      const part = ordered.slice(
        Math.floor((b * ordered.length) / batches),
        Math.floor(((b + 1) * ordered.length) / batches),
      );
      stored.push(...part);
      // the last part is evaluated at the report's now; the others just after their latest fact
      const at = b === batches - 1 ? now : Math.max(previous?.now ?? 0, timeOf(part.at(-1) ?? ordered[0]!));
      const { evaluation, read } = await reevaluateRepo({
        repo,
        previous,
        changes: { groups: [...new Set(part.map((f) => factIndexFields(f).group))] },
        source,
        config,
        now: at,
      });
      reads[read.scope]++;
      previous = evaluation;
    }
    evaluations.push(previous!);
  }
  return { report: tallyReport({ evaluations, config, now }), evaluations, reads };
}
