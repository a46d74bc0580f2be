import { describe, expect, it } from 'vitest';
import { renderReleaseSummary, renderReportMarkdown } from '../../src/markdown/index.ts';
import type { Report } from '../../src/report/types.ts';
import { countUnescapedPipes, findBrokenTableRows } from './markdown-checks.ts';
import { buildReport, SAMPLE_RELEASES } from './sample-report.ts';

const TAG = 'v1<script>alert(1)</script>';
const REASON = '**bold** [x](javascript:alert(1)) | pipe @octocat <img src=x onerror=alert(1)>\n# heading\n| a | b |';
const REPO = 'acme/<b>evil</b>|repo';
const SEGMENT = 'cl@oud|<i>x</i>';

function hostileReport(): Report {
  const base = SAMPLE_RELEASES.find((r) => r.tag === 'v1.1.0')!;
  const hostile = {
    ...base,
    repo: REPO,
    tag: TAG,
    segment: SEGMENT,
    rollback: { ...base.rollback!, reason: REASON },
    rollbacks: [
      { ...base.rollback!, reason: REASON },
      { ...base.rollbacks[1]!, reason: `later ${REASON}` },
    ],
  };
  const report = buildReport({ releases: [...SAMPLE_RELEASES, hostile] });
  return {
    ...report,
    segments: report.segments.map((s) =>
      s.name === 'all' ? { ...s, topRollbackReasons: [{ reason: REASON, count: 7 }] } : s,
    ),
  };
}

function expectInert(md: string): void {
  expect(md).not.toMatch(/<script/i);
  expect(md).not.toMatch(/<img/i);
  expect(md).not.toMatch(/<b>|<i>/i);
  expect(md).not.toContain('](javascript:');
  expect(md).not.toContain('[x](');
  expect(md).not.toMatch(/(^|[^\\])\*\*bold/m);
  expect(md).not.toMatch(/@octocat|@oud/);
  expect(md).not.toMatch(/^# heading/m);
  expect(md).not.toMatch(/^\| a \| b \|/m);
  expect(findBrokenTableRows(md)).toEqual([]);
}

describe('user-controlled text renders inert', () => {
  const report = hostileReport();

  it('in the org report, also inside table cells', async () => {
    const md = renderReportMarkdown({ report });
    expectInert(md);
    const row = md.split('\n').find((line) => line.startsWith('| acme/&lt;b&gt;'))!;
    expect(countUnescapedPipes(row)).toBe(10);
    expect(row).toContain('v1&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(row).toContain('\\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\| pipe @\u200doctocat &lt;img');
    await expect(md).toMatchFileSnapshot('./__snapshots__/report-hostile.md.txt');
  });

  it('in the release summary', async () => {
    const md = renderReleaseSummary({ report, repo: REPO, tag: TAG });
    expectInert(md);
    expect(md.split('\n')[0]).toBe(
      '### acme/&lt;b&gt;evil&lt;/b&gt;\\|repo v1&lt;script&gt;alert\\(1\\)&lt;/script&gt;: ❌ not well-packaged: rolled back 2026-03-03 10:00 UTC (redeploy of an older release)',
    );
    await expect(md).toMatchFileSnapshot('./__snapshots__/release-hostile.md.txt');
  });

  it('for a release the report does not list', () => {
    expectInert(renderReleaseSummary({ report, repo: REPO, tag: `${TAG}-draft` }));
  });
});
