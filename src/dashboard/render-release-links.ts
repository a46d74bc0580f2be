import { formatTime } from '../markdown/index.ts';
import type { ReleaseReport, SegmentReport } from '../report/types.ts';
import { escapeHtml } from './escape-html.ts';
import { githubPageUrl } from './github-page-url.ts';

/**
 * Releases as a list of links to their GitHub release pages, each with its
 * publication and an optional note (what it has of the thing drilled into).
 */
export function renderReleaseLinks({
  releases,
  baseUrl,
  noteOf,
}: {
  releases: readonly ReleaseReport[];
  baseUrl?: string | undefined;
  noteOf?: (release: ReleaseReport) => string;
}): string {
  const items = releases.map((r) => {
    const url = githubPageUrl({ baseUrl, repo: r.repo, parts: ['releases', 'tag', r.tag] });
    const note = noteOf ? ` <span class="muted">${escapeHtml(noteOf(r))}</span>` : '';
    return `<li data-repo="${escapeHtml(r.repo)}" data-tag="${escapeHtml(r.tag)}"><a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(`${r.repo} ${r.tag}`)}</a> <span class="muted">published ${escapeHtml(formatTime(r.publishedAt))}</span>${note}</li>`;
  });
  return `<ul class="drill">${items.join('')}</ul>`;
}

/** What a chart with release drill-downs reads: the segment, its releases of the shown periods (newest first), GitHub's web root. */
export interface DrillDownInput {
  segment: SegmentReport;
  releases: readonly ReleaseReport[];
  baseUrl?: string | undefined;
}
