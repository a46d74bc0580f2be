import type { ReleaseReport } from '../report/types.ts';
import { parseInstant } from '../time/index.ts';
import { describeActivities } from './describe-activities.ts';
import type { ReleaseRules } from './describe-reason.ts';
import { describeRollback } from './describe-rollback.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { formatCount } from './format-count.ts';
import { formatPercent } from './format-percent.ts';
import { formatTime } from './format-time.ts';
import type { MarkdownLine } from './types.ts';

function rollbackLines({ release, windowText, open }: CriterionInput): string[] {
  const closes = formatTime(release.windowEnd);
  const later = release.rollbacks
    .slice(release.rollback ? 1 : 0)
    .map((r) => `  - later, not counted: ${describeRollback(r)}`);
  if (release.reasons.includes('rolled-back') || release.rollback) {
    const first = release.rollback ? `: ${describeRollback(release.rollback)}` : '';
    return [`- ❌ Rolled back within the ${windowText}${first}`, ...later];
  }
  if (open) return [`- ✅ Not rolled back so far; the ${windowText} closes ${closes}`, ...later];
  return [`- ✅ Not rolled back within the ${windowText} (closed ${closes})`, ...later];
}

function activityLine({ release, rules, open }: CriterionInput): string {
  const kinds = describeActivities(release.activities);
  const detail = `${formatCount(release.devopsActivities)} (needs fewer than ${formatCount(rules.maxDevopsActivities)})${kinds ? `: ${kinds}` : ''}`;
  if (release.reasons.includes('devops-activities')) return `- ❌ DevOps activities: ${detail}`;
  return `- ✅ DevOps activities${open ? ' so far' : ''}: ${detail}`;
}

function coverageLine({ release, rules, open }: CriterionInput): string {
  const needs = `needs ≥ ${formatPercent(rules.minCoverage)}`;
  const report = release.coverageReport;
  const lines = report ? ` (${formatCount(report.covered)} of ${formatCount(report.total)} lines)` : '';
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
}

/**
 * One line per well-packaged criterion (rollback, DevOps activities, line
 * coverage) and, while the verdict is pending, when it becomes final. ❌
 * fails, ✅ passes (so far, while the window is open), ⏳ not decided yet.
 */
export function renderReleaseCriteria({
  release,
  rules,
  now,
}: {
  release: ReleaseReport;
  rules: ReleaseRules;
  now: string;
}): MarkdownLine[] {
  const open = (parseInstant(now) ?? 0) < (parseInstant(release.windowEnd) ?? 0);
  const input = { release, rules, open, windowText: `${formatCount(rules.rollbackWindowHours / 24)}-day window` };
  const pending =
    release.status === 'pending'
      ? [
          `- ⏳ Pending until ${formatTime(release.windowEnd)}, when the ${input.windowText} closes and the verdict is final`,
        ]
      : [];
  return [...rollbackLines(input), activityLine(input), coverageLine(input), ...pending].map((text) => ({ text }));
}
