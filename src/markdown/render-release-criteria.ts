import type { Evidence, ReleaseReport, RollbackReport } from '../report/types.ts';
import { parseInstant } from '../time/index.ts';
import { describeActivities, describeActivityKind } from './describe-activities.ts';
import type { ReleaseRules } from './describe-reason.ts';
import { describeRollback } from './describe-rollback.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { formatCount } from './format-count.ts';
import { formatPercent } from './format-percent.ts';
import { formatTime } from './format-time.ts';
import { linkEvidence } from './link-evidence.ts';
import type { MarkdownLine } from './types.ts';

/** Most activities listed one by one under their criterion; the count covers them all. */
const MAX_LISTED = 20;

function rollbackLines({ release, windowText, open, link }: CriterionInput): string[] {
  const closes = formatTime(release.windowEnd);
  const seen = (r: RollbackReport) => `${describeRollback(r)} — ${link(r.evidence)}`;
  const later = release.rollbacks.slice(release.rollback ? 1 : 0).map((r) => `  - later, not counted: ${seen(r)}`);
  if (release.reasons.includes('rolled-back') || release.rollback) {
    const first = release.rollback ? `: ${seen(release.rollback)}` : '';
    return [`- ❌ Rolled back within the ${windowText}${first}`, ...later];
  }
  if (open) return [`- ✅ Not rolled back so far; the ${windowText} closes ${closes}`, ...later];
  return [`- ✅ Not rolled back within the ${windowText} (closed ${closes})`, ...later];
}

function activityLines({ release, rules, open, link }: CriterionInput): string[] {
  const kinds = describeActivities(release.activities);
  const detail = `${formatCount(release.devopsActivities)} (needs fewer than ${formatCount(rules.maxDevopsActivities)})${kinds ? `: ${kinds}` : ''}`;
  const listed = release.activities
    .slice(0, MAX_LISTED)
    .map((a) => `  - ${describeActivityKind(a.kind)} ${formatTime(a.at)} — ${link(a.evidence)}`);
  const more =
    release.activities.length > MAX_LISTED
      ? [`  - and ${formatCount(release.activities.length - MAX_LISTED)} more (the JSON report lists them all)`]
      : [];
  const head = release.reasons.includes('devops-activities')
    ? `- ❌ DevOps activities: ${detail}`
    : `- ✅ DevOps activities${open ? ' so far' : ''}: ${detail}`;
  return [head, ...listed, ...more];
}

function coverageLine({ release, rules, open, link }: CriterionInput): string {
  const needs = `needs ≥ ${formatPercent(rules.minCoverage)}`;
  const report = release.coverageReport;
  const checkRun = report ? `, ${link({ kind: 'check-run', checkRunId: report.checkRunId })}` : '';
  const lines = report ? ` (${formatCount(report.covered)} of ${formatCount(report.total)} lines${checkRun})` : '';
  const source = report?.fallback
    ? `; from commit ${escapeMarkdown(report.sha.slice(0, 7))}, the repo's newest report before publishing`
    : '';
  const closes = formatTime(release.windowEnd);
  if (release.reasons.includes('coverage-missing')) {
    return `- ❌ Line coverage missing: no coverage report for this release before its window closed (${needs})`;
  }
  if (release.reasons.includes('coverage-below-threshold')) {
    // Rolled back and too many activities are final at once; only then is a lift pointless.
    const final = release.reasons.some((reason) => reason === 'rolled-back' || reason === 'devops-activities');
    const lift = open && !final ? `; a newer report for this commit before ${closes} can still lift it` : '';
    return `- ❌ Line coverage ${formatPercent(release.coverage)}${lines} is below the threshold (${needs}${source})${lift}`;
  }
  if (release.coverage === null) {
    return `- ⏳ Line coverage: no report yet (${needs}); missing coverage is decided when the window closes ${closes}`;
  }
  return `- ✅ Line coverage${open ? ' so far' : ''}: ${formatPercent(release.coverage)}${lines} (${needs}${source})`;
}

interface CriterionInput {
  release: ReleaseReport;
  rules: ReleaseRules;
  open: boolean;
  windowText: string;
  link: (evidence: Evidence) => string;
}

/**
 * One line per well-packaged criterion (rollback, DevOps activities, line
 * coverage) and, while the verdict is pending, when it becomes final. ❌
 * fails, ✅ passes (so far, while the window is open), ⏳ not decided yet.
 * Each links its evidence on GitHub at `webUrl` (docs/kpis.md, "Evidence"):
 * the rollbacks, every counted activity, the coverage check run.
 */
export function renderReleaseCriteria({
  release,
  rules,
  now,
  webUrl,
}: {
  release: ReleaseReport;
  rules: ReleaseRules;
  now: string;
  webUrl?: string;
}): MarkdownLine[] {
  const open = (parseInstant(now) ?? 0) < (parseInstant(release.windowEnd) ?? 0);
  const link = (evidence: Evidence) =>
    linkEvidence({ ...(webUrl === undefined ? {} : { webUrl }), repo: release.repo, evidence });
  const input = { release, rules, open, link, windowText: `${formatCount(rules.rollbackWindowHours / 24)}-day window` };
  const pending =
    release.status === 'pending'
      ? [
          `- ⏳ Pending until ${formatTime(release.windowEnd)}, when the ${input.windowText} closes and the verdict is final`,
        ]
      : [];
  return [...rollbackLines(input), ...activityLines(input), coverageLine(input), ...pending].map((text) => ({ text }));
}
