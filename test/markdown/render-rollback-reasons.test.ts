import { describe, expect, it } from 'vitest';
import { renderRollbackReasons as renderReasonsHtml } from '../../src/dashboard/render-rollback-reasons.ts';
import { renderReportMarkdown } from '../../src/markdown/index.ts';
import type { Report } from '../../src/report/types.ts';
import { releasePublished, rollbackRecorded, sha } from '../kpi/deliveries.ts';
import { reportOf } from '../kpi/report-of.ts';

const NOW = '2026-03-20T00:00:00Z';

/** One rolled-back release of acme/api per reason given (null: a recorded rollback with no `Reason:` line). */
function reportWithReasons(reasons: readonly (string | null)[]): Report {
  const deliveries = reasons.flatMap((reason, i) => {
    const tag = `v1.${i}.0`;
    const commit = sha(tag);
    const day = String(2 + i).padStart(2, '0');
    return [
      releasePublished({ repo: 'acme/api', tag, commit, publishedAt: `2026-03-${day}T10:00:00Z` }),
      rollbackRecorded({
        repo: 'acme/api',
        commit,
        tag,
        completedAt: `2026-03-${day}T12:00:00Z`,
        ...(reason === null ? {} : { reason }),
      }),
    ];
  });
  return reportOf({ deliveries, now: NOW });
}

const reasonLines = (md: string) => md.split('\n').filter((line) => /^\d\. |^Top rollback|^No reason/.test(line));

describe('top rollback reasons, rendered', () => {
  it('says how many more reasons share the count where the cut of 3 falls inside a tie (Markdown)', () => {
    const report = reportWithReasons(['disk full', 'bad config', 'expired cert', 'flaky deploy', 'memory leak']);
    expect(report.segments[0]!.topRollbackReasons.map((r) => r.reason)).toEqual([
      'bad config',
      'disk full',
      'expired cert',
    ]);
    expect(reasonLines(renderReportMarkdown({ report, repo: 'acme/api' }))).toEqual([
      'Top rollback reasons:',
      '1. bad config (1)',
      '2. disk full (1)',
      '3. expired cert (1) + 2 more with the same count',
    ]);
  });

  it('says nothing more when the cut falls between two counts', () => {
    const report = reportWithReasons(['disk full', 'disk full', 'bad config', 'bad config', 'cert', 'cert', 'leak']);
    expect(reasonLines(renderReportMarkdown({ report, repo: 'acme/api' }))).toEqual([
      'Top rollback reasons:',
      '1. bad config (2)',
      '2. cert (2)',
      '3. disk full (2)',
    ]);
  });

  it('counts rollbacks recorded without a reason under "no reason given" (the JSON list stays as the contract has it)', () => {
    const only = reportWithReasons([null]);
    expect(only.segments[0]!.topRollbackReasons).toEqual([]);
    expect(reasonLines(renderReportMarkdown({ report: only, repo: 'acme/api' }))).toEqual([
      'Top rollback reasons: no reason given (1)',
    ]);
    const mixed = reportWithReasons(['disk full', null, '  ', 'disk full']);
    expect(mixed.segments[0]!.topRollbackReasons).toEqual([{ reason: 'disk full', count: 2 }]);
    expect(reasonLines(renderReportMarkdown({ report: mixed, repo: 'acme/api' }))).toEqual([
      'Top rollback reasons:',
      '1. disk full (2)',
      'No reason given: 2.',
    ]);
    expect(reasonLines(renderReportMarkdown({ report: reportWithReasons([]), repo: 'acme/api' }))).toEqual([
      'Top rollback reasons: none',
    ]);
  });

  it('shows the same on the dashboard: a "no reason given" bar and the tie note', () => {
    const report = reportWithReasons(['disk full', 'bad config', 'expired cert', 'flaky deploy', null, null]);
    const html = renderReasonsHtml({ report, segment: report.segments[0]! });
    expect(html).toContain('data-series="rollback-reason" data-key="expired cert" data-value="1"');
    expect(html).toContain('data-series="rollback-no-reason" data-key="no reason given" data-value="2"');
    expect(html).toContain('+ 1 more with the same count');
    const none = reportWithReasons([null]);
    const only = renderReasonsHtml({ report: none, segment: none.segments[0]! });
    expect(only).toContain('data-series="rollback-no-reason" data-key="no reason given" data-value="1"');
    expect(only).not.toContain('No rollback');
  });
});
