import { rankRollbackReasons } from '../kpi/rank-rollback-reasons.ts';
import { ALL_SEGMENTS } from '../kpi/tally-report.ts';
import { parseInstant } from '../time/index.ts';
import type { Report, RollbackReasonCount, SegmentReport } from './types.ts';

/** A segment's top rollback reasons as a reader needs them beside the report's list. */
export interface RollbackReasonsSummary {
  /** The report's `topRollbackReasons`, as they are. */
  top: RollbackReasonCount[];
  /** Reasons past the cut with the same count as the last one shown (0 when the cut falls between two counts). */
  tiedPastCut: number;
  /** Rolled-back releases whose counted rollback gave no reason ("no reason given"). */
  withoutReason: number;
}

/**
 * What the JSON report's `topRollbackReasons` cannot say (docs/kpis.md,
 * "Top rollback reasons"): how many more reasons share the count of the last
 * one listed, and how many rollbacks gave no reason. Read from the counted
 * rollbacks of the segment's releases the report lists, which are the ones
 * the top reasons were taken from.
 */
export function summarizeRollbackReasons({
  report,
  segment,
}: {
  report: Pick<Report, 'releases'>;
  segment: Pick<SegmentReport, 'name' | 'topRollbackReasons'>;
}): RollbackReasonsSummary {
  const all = segment.name === ALL_SEGMENTS;
  const firstRollbacks = report.releases.flatMap((release) =>
    release.rollback && (all || release.segment === segment.name)
      ? [{ at: parseInstant(release.rollback.at) ?? 0, reason: release.rollback.reason }]
      : [],
  );
  const { ranked, withoutReason } = rankRollbackReasons({ firstRollbacks });
  const top = segment.topRollbackReasons;
  const last = top.at(-1);
  const agrees = top.every((t, i) => ranked[i]?.reason === t.reason && ranked[i]?.count === t.count);
  const tiedPastCut = last && agrees ? ranked.slice(top.length).filter((r) => r.count === last.count).length : 0;
  return { top, tiedPastCut, withoutReason };
}
