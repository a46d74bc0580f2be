import { describe, expect, it } from 'vitest';
import { renderReleaseSummary } from '../../src/markdown/index.ts';
import { findBrokenTableRows, findUnterminatedTables } from './markdown-checks.ts';
import { buildReport, SAMPLE_RELEASES } from './sample-report.ts';

const report = buildReport();
const summary = (repo: string, tag: string) => renderReleaseSummary({ report, repo, tag, segmentReport: report });

describe('renderReleaseSummary', () => {
  it.each([
    ['well-packaged', 'acme/api', 'v1.0.0'],
    ['rolled-back', 'acme/api', 'v1.1.0'],
    ['activities-and-coverage', 'acme/api', 'v1.2.0'],
    ['pending', 'acme/api', 'v1.3.0'],
    ['pending-no-coverage', 'acme/web', 'v2.0.0'],
    ['coverage-missing', 'acme/web', 'v1.9.0'],
    ['recorded-rollback-escaped', 'acme/web', 'v1.8.0'],
    ['fallback-coverage', 'acme/ios-app', '5.0.0'],
    ['rolled-back-window-open', 'acme/ios-app', '5.2.0'],
    ['coverage-below-window-open', 'acme/web', 'v2.1.0'],
    ['not-in-report', 'acme/api', 'v0.9.0'],
  ])('renders %s', async (name, repo, tag) => {
    const md = summary(repo, tag);
    expect(findBrokenTableRows(md)).toEqual([]);
    expect(findUnterminatedTables(md)).toEqual([]);
    await expect(md).toMatchFileSnapshot(`./__snapshots__/release-${name}.md.txt`);
  });

  it('titles the verdict with its mark and says every reason in words with its figures', () => {
    expect(summary('acme/api', 'v1.0.0').split('\n')[0]).toBe('### acme/api v1.0.0: ✅ well-packaged');
    expect(summary('acme/api', 'v1.1.0').split('\n')[0]).toBe(
      '### acme/api v1.1.0: ❌ not well-packaged: rolled back 2026-03-03 10:00 UTC (redeploy of an older release)',
    );
    expect(summary('acme/api', 'v1.2.0').split('\n')[0]).toBe(
      '### acme/api v1.2.0: ❌ not well-packaged: 3 DevOps activities (fewer than 3 allowed); coverage 78 % is below 80 %',
    );
    expect(summary('acme/web', 'v1.9.0').split('\n')[0]).toBe(
      '### acme/web v1.9.0: ❌ not well-packaged: no coverage report before the window closed',
    );
    expect(summary('acme/api', 'v1.3.0').split('\n')[0]).toBe('### acme/api v1.3.0: ⏳ pending');
  });

  it('shows the activity limit and the coverage threshold it was judged against', () => {
    const stricter = {
      ...report,
      segments: report.segments.map((s) =>
        s.name === 'cloud'
          ? { ...s, rules: { ...s.rules, maxDevopsActivities: 5, minCoverage: 75, rollbackWindowHours: 72 } }
          : s,
      ),
    };
    const md = renderReleaseSummary({ report: stricter, repo: 'acme/api', tag: 'v1.2.0' });
    expect(md).toContain('DevOps activities: 3 (needs fewer than 5): 3 re-runs');
    expect(md).toContain('needs ≥ 75.0 %');
    expect(md).toContain('3-day window');
  });

  it('says when a failing coverage can still be lifted, and when a pending verdict becomes final', () => {
    expect(summary('acme/web', 'v2.1.0')).toMatch(
      /❌ Line coverage 74\.0 % .*before 2026-03-24 15:00 UTC can still lift it/,
    );
    expect(summary('acme/ios-app', '5.2.0')).toMatch(/❌ Line coverage 78\.9 % /);
    expect(summary('acme/ios-app', '5.2.0')).not.toContain('can still lift');
    expect(summary('acme/api', 'v1.2.0')).not.toContain('can still lift');
    expect(summary('acme/api', 'v1.3.0')).toContain('⏳ Pending until 2026-03-23 10:00 UTC');
  });

  it('names the rollback that counts and lists later ones as not counted', () => {
    const md = summary('acme/api', 'v1.1.0');
    expect(md).toContain(
      '❌ Rolled back within the 7-day window: 2026-03-03 10:00 UTC, redeploy of an older release (took 4.5 min)',
    );
    expect(md).toContain('later, not counted: 2026-03-04 12:00 UTC, rollback label: “payment errors after deploy”');
  });

  it("shows the release's segment over the shown periods, with sparklines and targets", () => {
    const md = summary('acme/api', 'v1.0.0');
    expect(md).toContain('#### Segment cloud (2 repos): trend, oldest first');
    expect(md).toContain('**2026-03-09 → 2026-03-23 (current)**');
    expect(md).toMatch(/^well-packaged {3}[▁▂▃▄▅▆▇█·]{7}$/m);
    expect(md).toMatch(/^patch coverage {2}[▁▂▃▄▅▆▇█·]{7}$/m);
    expect(md).toContain('Targets (✅ on, ⚠️ off)');
    expect(summary('acme/ios-app', '5.0.0')).not.toContain('Targets');
  });

  it("labels the trend as the repository's alone without a report of the segment's repositories", () => {
    const own = buildReport({ releases: SAMPLE_RELEASES.filter((r) => r.repo === 'acme/api') });
    const md = renderReleaseSummary({ report: own, repo: 'acme/api', tag: 'v1.0.0' });
    expect(md).toContain('#### acme/api (cloud): trend, oldest first');
    expect(md).not.toContain('Segment cloud');
    // a report of the segment that does not list the release's segment: still the repository's own
    const other = buildReport({ releases: SAMPLE_RELEASES.filter((r) => r.segment === 'ios') });
    expect(renderReleaseSummary({ report: own, repo: 'acme/api', tag: 'v1.0.0', segmentReport: other })).toBe(md);
  });

  it("shows the segment's figures across the segment report's repositories, labelled as the segment", () => {
    const own = buildReport({ releases: SAMPLE_RELEASES.filter((r) => r.repo === 'acme/api') });
    const md = renderReleaseSummary({ report: own, repo: 'acme/api', tag: 'v1.3.0', segmentReport: report });
    expect(md).toContain('#### Segment cloud (2 repos): trend, oldest first');
    const current = report.segments.find((s) => s.name === 'cloud')!.periods.at(-1)!;
    expect(md).toContain(`| **2026-03-09 → 2026-03-23 (current)** | ${current.releases} |`);
    expect(current.releases).toBeGreaterThan(own.segments.find((s) => s.name === 'cloud')!.periods.at(-1)!.releases);
  });

  it('states the North Star in one sentence and tabulates only the periods with data, and the current one', () => {
    const md = summary('acme/api', 'v1.0.0');
    expect(md).toContain(
      'North Star: well-packaged releases per 14-day period — releases not rolled back within 7 days, with fewer than 3 DevOps activities and line coverage ≥ 80.0 %.',
    );
    const rows = md.split('\n').filter((line) => /^\| (\*\*)?\d{4}-/.test(line));
    const cloud = report.segments.find((s) => s.name === 'cloud')!;
    const withData = cloud.periods.filter((p) => p.current || p.releases > 0 || p.patchesSettled > 0);
    expect(withData.length).toBeLessThan(cloud.periods.length);
    expect(rows).toHaveLength(withData.length);
    expect(md).toContain(
      `_${cloud.periods.length - withData.length} of the last 7 periods had no releases and no settled alerts: left out of the table._`,
    );
  });

  it.each([0, 80, 400, 700, 1_000, 1_300])('stays within maxLength %i, cutting only between lines', (maxLength) => {
    const whole = summary('acme/web', 'v1.8.0');
    const md = renderReleaseSummary({ report, repo: 'acme/web', tag: 'v1.8.0', maxLength, segmentReport: report });
    expect(whole.length).toBeGreaterThan(1_300);
    expect(md.length).toBeLessThanOrEqual(maxLength);
    const cut = md.indexOf('_… truncated: ');
    if (cut > 0) expect(whole.startsWith(md.slice(0, cut - 1))).toBe(true);
    expect(findBrokenTableRows(md)).toEqual([]);
    expect(findUnterminatedTables(md)).toEqual([]);
    expect(md.split('```').length % 2).toBe(1);
  });

  it('depends on nothing but its input', () => {
    expect(summary('acme/api', 'v1.2.0')).toBe(summary('acme/api', 'v1.2.0'));
  });
});
