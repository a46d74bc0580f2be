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

  it('answers the seed questions per period from the report: biggest blocker and DevOps time', () => {
    for (const name of ['all', 'cloud', 'ios']) {
      const marks = readMarks(renderDashboardPage({ report, org: 'acme', segment: name }));
      const segment = segmentOf(name);
      const value = (chart: string, series: string, period: string) =>
        marks.find((m) => m.chart === chart && m.series === series && m.period === period)?.value;
      for (const p of segment.periods) {
        for (const reason of VERDICT_REASONS) expect(value('blockers', reason, p.start)).toBe(p.failing[reason]);
        for (const kind of DEVOPS_KINDS.filter((k) => k !== 'hotfix')) {
          expect(value('devops-time', kind, p.start)).toBe(p.devopsMinutes[kind]);
        }
      }
    }
    const ios = segmentOf('ios');
    expect(ios.periods.some((p) => (p.devopsMinutes['manual-workflow'] ?? 0) > 0)).toBe(true);
  });

  it('drills down from each criterion and each activity kind to the releases behind it, linked', () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'ios', baseUrl: 'https://ghe.example.com' });
    const drill = (key: string) => {
      const match = new RegExp(`<details class="drill" data-drill="${key}" data-count="(\\d+)">(.*?)</details>`).exec(
        html,
      );
      return {
        count: Number(match?.[1]),
        tags: [...(match?.[2] ?? '').matchAll(/data-tag="([^"]+)"/g)].map((m) => m[1]),
      };
    };
    const ios = report.releases.filter((r) => r.segment === 'ios');
    for (const reason of VERDICT_REASONS) {
      const failing = ios.filter((r) => r.reasons.includes(reason));
      expect(drill(`blocker:${reason}`).count).toBe(failing.length);
      expect(drill(`blocker:${reason}`).tags.length).toBe(failing.length);
    }
    expect(drill('devops:manual-workflow').tags).toEqual(['v2.1.0']);
    expect(html).toContain('href="https://ghe.example.com/acme/app/releases/tag/v2.1.0"');
    expect(html).toContain('1 × manual-workflow, 25 min');
    expect(html).toContain('1 × deployment-approval, 40 min');
  });

  it('lists the open alerts past due with links, severity, due and age', () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'ios' });
    const ios = segmentOf('ios');
    expect(ios.alertsPastDue.map((a) => [a.repo, a.number])).toEqual([['acme/app', 9]]);
    const rows = [...html.matchAll(/<tr data-repo="([^"]+)" data-alert="(\d+)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => [r[1], Number(r[2])])).toEqual([['acme/app', 9]]);
    expect(rows[0]![3]).toContain('href="https://github.com/acme/app/security/dependabot/9"');
    expect(rows[0]![3]).toContain('2026-03-08 08:00 UTC');
    expect(rows[0]![3]).toContain('18 d 16 h');
  });

  it('states one period for every figure at a glance, with the North Star target and its change', () => {
    const html = renderDashboardPage({ report, org: 'acme' });
    const all = segmentOf('all');
    const index = all.periods.findLastIndex((p) => !p.current);
    const [last, before] = [all.periods[index]!, all.periods[index - 1]!];
    expect(html).toContain(`<p class="stated" data-period="${last.start}">`);
    expect(html).toContain(`data-card="north-star" data-value="${last.wellPackaged}"`);
    const delta = last.wellPackaged - before.wellPackaged;
    expect(html).toContain(`target ≥ 1 · ${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta)} vs `);
    expect(html).toContain(`data-card="share" data-value="${last.share}"`);
  });

  it('explains every line and colour in the legends and labels nothing inside a plot', () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'ios' });
    expect(html).not.toContain('class="target-label"');
    expect(html).toContain('dotted line: 10 min, a guide for a quick rollback (not a target)');
    expect(html).toContain('dotted line: share target 80.0 % (right axis)');
    expect(html).toContain('dashed line: target 100.0 %');
    expect(html).toContain('bar: off target');
    expect(html).toContain('–: no number for the period');
    expect(html).toContain('<line class="guide"');
  });

  it("defines well-packaged with the segment's own thresholds, and where the numbers came from", () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'ios' });
    const rules = segmentOf('ios').rules;
    expect(html).toContain(`data-rule="max-devops-activities" data-value="${rules.maxDevopsActivities}"`);
    expect(html).toContain(`data-rule="min-coverage" data-value="${rules.minCoverage}"`);
    expect(html).toContain('backfill from GitHub’s REST API');
    expect(html).toContain('Deleted releases are gone from the API');
  });

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
