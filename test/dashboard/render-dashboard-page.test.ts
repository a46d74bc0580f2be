import { describe, expect, it } from 'vitest';
import { DEVOPS_KINDS } from '../../src/config/types.ts';
import { renderDashboardPage } from '../../src/dashboard/index.ts';
import { VERDICT_REASONS } from '../../src/report/types.ts';
import { readMarks } from './read-marks.ts';
import { SEEDED_NOW, seededReport, XSS } from './seeded-report.ts';

const report = seededReport();
const segmentOf = (name: string) => report.segments.find((s) => s.name === name)!;

describe('renderDashboardPage', () => {
  for (const name of ['all', 'cloud', 'ios']) {
    it(`draws segment ${name}'s numbers from the report, period by period`, () => {
      const marks = readMarks(renderDashboardPage({ report, org: 'acme', segment: name }));
      const segment = segmentOf(name);
      const value = (chart: string, series: string, period: string) =>
        marks.find((m) => m.chart === chart && m.series === series && m.period === period)?.value;
      for (const p of segment.periods) {
        expect(value('north-star', 'well-packaged', p.start)).toBe(p.wellPackaged);
        expect(value('north-star', 'not-well-packaged', p.start)).toBe(p.notWellPackaged);
        expect(value('north-star', 'pending', p.start)).toBe(p.pending);
        expect(value('patch-coverage', 'patch-coverage', p.start)).toBe(p.patchCoverage);
        expect(value('rollback-duration', 'median-rollback-minutes', p.start)).toBe(p.medianRollbackMinutes);
        for (const kind of DEVOPS_KINDS) expect(value('activities', kind, p.start)).toBe(p.devopsActivities[kind]);
        const share = value('north-star', 'share', p.start);
        expect(share === undefined ? null : share).toBe(p.share);
      }
      const reasons = marks.filter((m) => m.series === 'rollback-reason').map((m) => [m.key, m.value]);
      expect(reasons).toEqual(segment.topRollbackReasons.map((r) => [r.reason, r.count]));
    });
  }

  it('marks each period on or off the well-packaged target, as the report judged it', () => {
    const marks = readMarks(renderDashboardPage({ report, org: 'acme', segment: 'ios' }));
    for (const p of segmentOf('ios').periods) {
      const mark = marks.find((m) => m.series === 'well-packaged-target' && m.period === p.start);
      expect(mark?.value).toBe(p.onTarget.wellPackaged === true ? 1 : 0);
    }
    expect(marks.find((m) => m.series === 'share-target-line')?.value).toBe(80);
    expect(marks.find((m) => m.series === 'well-packaged-target-line')?.value).toBe(1);
  });

  it('shows the input metrics tree of the last complete period: share, criteria, segments', () => {
    const marks = readMarks(renderDashboardPage({ report, org: 'acme' })).filter((m) => m.chart === 'metrics-tree');
    const index = report.periods.findLastIndex((p) => !p.current);
    const all = segmentOf('all').periods[index]!;
    expect(marks.find((m) => m.series === 'share')?.value).toBe(all.share);
    for (const reason of VERDICT_REASONS) {
      const rates = marks.filter((m) => m.series === `pass-rate:${reason}`);
      expect(rates.map((m) => [m.key, m.value])).toEqual(
        report.segments.map((s) => [s.name, s.periods[index]!.passRates[reason]]),
      );
    }
  });

  it('lists the segment releases newest first with links to their check runs (GHE base honoured)', () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'cloud', baseUrl: 'https://ghe.example.com/' });
    const tags = [...html.matchAll(/<tr data-repo="([^"]+)" data-tag="([^"]+)">/g)].map((m) => m[2]);
    expect(tags).toEqual(['v1.3.0', 'v1.2.0', 'v1.1.0', 'v1.0.0']);
    const v1 = report.releases.find((r) => r.tag === 'v1.0.0')!;
    expect(html).toContain(`href="https://ghe.example.com/acme/api/commit/${v1.sha}/checks"`);
  });

  it('offers every segment in a GET form, keeps org and a pinned now, and links the JSON and CSV', () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'ios', pinnedNow: SEEDED_NOW });
    expect(html).toMatch(/<form method="get" action="\/shipwell"/);
    expect(html).toContain('<input type="hidden" name="org" value="acme">');
    expect(html).toContain(`<input type="hidden" name="now" value="${SEEDED_NOW}">`);
    const options = [...html.matchAll(/<option value="([^"]*)"( selected)?>/g)];
    expect(options).toHaveLength(report.segments.length);
    expect(options.filter((o) => o[2]).map((o) => o[1])).toEqual(['ios']);
    expect(html).toContain(`href="/shipwell/api/report?org=acme&amp;now=${encodeURIComponent(SEEDED_NOW)}"`);
    expect(html).toContain('href="/shipwell/api/releases.csv?org=acme&amp;segment=ios&amp;now=');
  });

  it('falls back to all segments, saying so, for a segment the report does not have', () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'nope' });
    expect(html).toContain('Segment “nope” is not in this report');
    expect(html).toContain('<main data-segment="all"');
  });

  it('gives every chart a title, a description and a data table, and uses no script or external asset', () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'ios' });
    const svgs = [...html.matchAll(/<svg viewBox[^>]*role="img" aria-labelledby="([^"]+)"/g)];
    expect(svgs.length).toBeGreaterThanOrEqual(5);
    for (const [, ids] of svgs) {
      for (const id of ids!.split(' ')) expect(html).toContain(`id="${id}"`);
    }
    expect((html.match(/<table class="data"/g) ?? []).length).toBe(svgs.length);
    expect(html).not.toMatch(/<script|<link|src=["']?http|url\(/i);
    expect(html).toContain('@media (prefers-color-scheme: dark)');
  });

  it(`writes the attack strings only as text (${Object.keys(XSS).join(', ')})`, () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'ios' });
    for (const attack of Object.values(XSS)) expect(html).not.toContain(attack);
    expect(html).not.toMatch(/<(script|img|svg onload)/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
  });
});
