// The report counts each repo's releases and alerts once, into its segment
// and into `all` together. Checked on random scenarios against two independent
// recomputations: each segment's release figures from the release rows the
// report lists, and each segment as the `all` of a report over only its repos.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEVOPS_KINDS } from '../../src/config/types.ts';
import type { WebhookDelivery } from '../../src/events/index.ts';
import type { ReleaseReport, Report } from '../../src/report/types.ts';
import { VERDICT_REASONS } from '../../src/report/types.ts';
import { NOW, scenarioArb } from './random-scenario.ts';
import { reportOf } from './report-of.ts';

// Two repos share `cloud`, one is `ios`, one matches no rule (unsegmented).
const REPOS = ['acme/api', 'acme/worker', 'acme/app-ios', 'acme/web'];
const CONFIG = 'segments:\n  ios: ["*-ios"]\n  cloud: ["acme/api", "acme/worker"]\n';
const scenario = scenarioArb(REPOS);

function report(deliveries: WebhookDelivery[]): Report {
  return reportOf({ deliveries, now: NOW, config: CONFIG });
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : round1((part / whole) * 100));

function medianOf(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** A period's release figures, recounted from the rows the report lists (in their order). */
function recount(rows: ReleaseReport[]) {
  const count = (keep: (r: ReleaseReport) => boolean) => rows.filter(keep).length;
  const releases = rows.length;
  const wellPackaged = count((r) => r.status === 'well-packaged');
  const pending = count((r) => r.status === 'pending');
  const rolledBack = count((r) => r.rollback !== null);
  let coverageSum = 0;
  let covered = 0;
  for (const r of rows) {
    if (!r.coverageReport) continue;
    coverageSum += (r.coverageReport.covered / r.coverageReport.total) * 100;
    covered++;
  }
  return {
    releases,
    wellPackaged,
    pending,
    notWellPackaged: releases - wellPackaged - pending,
    rolledBack,
    share: percent(wellPackaged, releases - pending),
    rollbackRate: percent(rolledBack, releases),
    failing: Object.fromEntries(VERDICT_REASONS.map((reason) => [reason, count((r) => r.reasons.includes(reason))])),
    devopsActivities: Object.fromEntries(
      DEVOPS_KINDS.map((kind) => [kind, rows.flatMap((r) => r.activities).filter((a) => a.kind === kind).length]),
    ),
    meanCoverage: covered === 0 ? null : round1(coverageSum / covered),
    medianRollbackMinutes: medianOf(
      rows.flatMap((r) => (r.rollback?.durationMinutes == null ? [] : [r.rollback.durationMinutes])),
    ),
  };
}

describe('segment and all figures', () => {
  it('each segment and all count exactly the releases the report lists for them', () => {
    fc.assert(
      fc.property(scenario, (deliveries) => {
        const r = report(deliveries);
        for (const segment of r.segments) {
          const rows = r.releases.filter((x) => segment.name === 'all' || x.segment === segment.name);
          for (const p of segment.periods) {
            const expected = recount(rows.filter((x) => p.start <= x.publishedAt && x.publishedAt < p.end));
            expect({ segment: segment.name, ...p }).toMatchObject({ segment: segment.name, ...expected });
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('each segment equals all of a report over only its repos', () => {
    fc.assert(
      fc.property(scenario, (deliveries) => {
        const r = report(deliveries);
        const repoOf = (d: WebhookDelivery) =>
          (d.payload as { repository: { full_name: string } }).repository.full_name;
        for (const segment of r.segments.filter((s) => s.name !== 'all')) {
          const alone = report(deliveries.filter((d) => segment.repos.includes(repoOf(d))));
          const all = alone.segments.find((s) => s.name === 'all')!;
          const figures = ({ name: _, rules: __, ...rest }: typeof segment) => rest;
          expect(figures(segment)).toEqual(figures(all));
        }
      }),
      { numRuns: 200 },
    );
  });
});
