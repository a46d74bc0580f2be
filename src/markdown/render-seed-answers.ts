import { DEVOPS_KINDS } from '../config/types.ts';
import type { ReleaseReport, SegmentReport } from '../report/types.ts';
import { parseInstant } from '../time/index.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { findBiggestBlockers } from './find-biggest-blockers.ts';
import { findTopDevopsTime } from './find-top-devops-time.ts';
import { formatCount } from './format-count.ts';
import { formatDuration } from './format-duration.ts';
import { formatMinutes } from './format-minutes.ts';
import { formatPeriod } from './format-period.ts';
import { formatTime } from './format-time.ts';
import { nameCriterion } from './name-criterion.ts';
import type { MarkdownLine } from './types.ts';

/** Most releases or alerts named under one answer; the rest are counted. */
const MAX_LISTED = 10;

function listed<T>(items: readonly T[], line: (item: T) => string): MarkdownLine[] {
  const lines = items.slice(0, MAX_LISTED).map((item) => ({ text: `  - ${line(item)}` }));
  if (items.length > MAX_LISTED) lines.push({ text: `  - and ${formatCount(items.length - MAX_LISTED)} more` });
  return lines;
}

/**
 * A segment's answers to the seed questions (docs/dashboard.md, "Seed
 * questions") for its last complete period, stated: the biggest blocker with
 * the releases failing it, where DevOps time went, and the open alerts past
 * due with links. The top rollback reasons are the section's own list.
 */
export function renderSeedAnswers({
  segment,
  releases,
  now,
  githubUrl = 'https://github.com',
}: {
  segment: SegmentReport;
  /** The report's releases (only the segment's are read). */
  releases: readonly ReleaseReport[];
  now: string;
  githubUrl?: string;
}): MarkdownLine[] {
  const root = githubUrl.replace(/\/+$/, '');
  const index = segment.periods.findLastIndex((p) => !p.current);
  const period = segment.periods[index];
  const lines: MarkdownLine[] = [];
  if (period) {
    const inPeriod = releases.filter(
      (r) =>
        (segment.name === 'all' || r.segment === segment.name) &&
        r.publishedAt >= period.start &&
        r.publishedAt < period.end,
    );
    lines.push({ text: `Seed questions, ${formatPeriod(period)} (the last complete period):`, keepWithNext: true });
    lines.push({ text: '', keepWithNext: true });
    const blockers = findBiggestBlockers(period);
    if (blockers.length === 0) {
      lines.push({
        text: `- Biggest blocker: none (no release of ${formatCount(period.releases)} failed a criterion)`,
      });
    } else {
      const failing = inPeriod.filter((r) => blockers.some((b) => r.reasons.includes(b)));
      lines.push({
        text: `- Biggest blocker: ${blockers.map(nameCriterion).join(' and ')} (${formatCount(period.failing[blockers[0]!])} of ${formatCount(period.releases)} releases), failed by:`,
      });
      lines.push(...listed(failing, (r) => `${escapeMarkdown(r.repo)} ${escapeMarkdown(r.tag)}`));
    }
    const total = DEVOPS_KINDS.reduce((sum, kind) => sum + (period.devopsMinutes[kind] ?? 0), 0);
    const top = findTopDevopsTime(period);
    const parts = DEVOPS_KINDS.filter((kind) => period.devopsActivities[kind] > 0).map((kind) => {
      const untimed = period.devopsUntimed[kind];
      return kind === 'hotfix'
        ? `${kind} ${formatCount(period.devopsActivities[kind])} (counted, not timed)`
        : `${kind} ${formatMinutes(period.devopsMinutes[kind])} (${formatCount(period.devopsActivities[kind])}${untimed > 0 ? `, ${formatCount(untimed)} untimed` : ''})`;
    });
    lines.push({
      text:
        parts.length === 0
          ? '- DevOps time: no activity'
          : `- DevOps time: ${formatMinutes(total)}${top.length > 0 ? `, most on ${top.join(' and ')}` : ''} — ${parts.join(', ')}`,
    });
  }
  const at = parseInstant(now) ?? 0;
  const alerts = segment.alertsPastDue;
  lines.push({
    text:
      alerts.length === 0
        ? '- Open alerts past due: none'
        : `- Open alerts past due (${formatCount(alerts.length)}), the longest overdue first:`,
  });
  lines.push(
    ...listed(alerts, (a) => {
      const path = `${a.repo.split('/').map(encodeURIComponent).join('/')}/security/dependabot/${a.number}`;
      return `[${escapeMarkdown(a.repo)} #${a.number}](${root}/${path}) — ${a.severity ?? 'unknown severity'}, due ${formatTime(a.due)}, overdue ${formatDuration(at - (parseInstant(a.due) ?? at))}`;
    }),
  );
  return lines;
}
