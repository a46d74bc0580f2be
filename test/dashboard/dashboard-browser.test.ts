// The dashboard in headless Chromium (Debian's), served over HTTP on
// loopback by the App's router on a real store: chart values against the
// App's JSON report, no console error, keyboard reach of the segment
// selector, hostile text inert, a screenshot per theme in test-output/.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVOPS_KINDS } from '../../src/config/types.ts';
import type { Report } from '../../src/report/types.ts';
import { VERDICT_REASONS } from '../../src/report/types.ts';
import { launchChromium } from '../support/chromium.ts';
import { DASHBOARD_TOKEN, type DashboardServer, startDashboardServer } from './dashboard-server.ts';
import { XSS } from './seeded-report.ts';

const OUT = 'test-output';
let server: DashboardServer;
let browser: Browser;
let report: Report;

beforeAll(async () => {
  server = await startDashboardServer();
  browser = await launchChromium();
  const response = await fetch(server.url('/shipwell/api/report?org=acme'), {
    headers: { authorization: `Bearer ${DASHBOARD_TOKEN}` },
  });
  report = (await response.json()) as Report;
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
}

async function open({ scheme, path }: { scheme: 'light' | 'dark'; path: string }): Promise<Watched> {
  const context = await browser.newContext({
    colorScheme: scheme,
    viewport: { width: 1200, height: 900 },
    extraHTTPHeaders: { authorization: `Bearer ${DASHBOARD_TOKEN}` },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const response = await page.goto(server.url(path));
  expect(response?.status()).toBe(200);
  return { page, errors, dialogs };
}

async function marks(page: Page) {
  return page.$$eval('[data-series][data-value]', (elements) =>
    elements.map((e) => ({
      chart: e.closest('figure, #metrics-tree')?.id ?? '',
      series: e.getAttribute('data-series'),
      period: e.getAttribute('data-period'),
      key: e.getAttribute('data-key'),
      value: e.getAttribute('data-value') === 'null' ? null : Number(e.getAttribute('data-value')),
    })),
  );
}

describe('dashboard in Chromium', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`draws segment ios in the ${scheme} theme with the App report's values and no console error`, async () => {
      const { page, errors, dialogs } = await open({ scheme, path: '/shipwell?org=acme&segment=ios' });
      const ios = report.segments.find((s) => s.name === 'ios')!;
      const drawn = await marks(page);
      const value = (chart: string, series: string, period: string) =>
        drawn.find((m) => m.chart === chart && m.series === series && m.period === period)?.value;
      for (const p of ios.periods) {
        expect(value('north-star', 'well-packaged', p.start)).toBe(p.wellPackaged);
        expect(value('north-star', 'not-well-packaged', p.start)).toBe(p.notWellPackaged);
        expect(value('north-star', 'pending', p.start)).toBe(p.pending);
        expect(value('north-star', 'share', p.start) ?? null).toBe(p.share);
        expect(value('patch-coverage', 'patch-coverage', p.start)).toBe(p.patchCoverage);
        expect(value('rollback-duration', 'median-rollback-minutes', p.start)).toBe(p.medianRollbackMinutes);
        for (const kind of DEVOPS_KINDS) expect(value('activities', kind, p.start)).toBe(p.devopsActivities[kind]);
        for (const reason of VERDICT_REASONS) expect(value('blockers', reason, p.start)).toBe(p.failing[reason]);
        for (const kind of DEVOPS_KINDS.filter((k) => k !== 'hotfix')) {
          expect(value('devops-time', kind, p.start)).toBe(p.devopsMinutes[kind]);
        }
      }
      // The drill-downs list the releases behind each criterion and kind, as the JSON report has them.
      const drills = await page.$$eval('details.drill', (nodes) =>
        nodes.map((n) => ({
          key: n.getAttribute('data-drill'),
          tags: [...n.querySelectorAll('li[data-tag]')].map(
            (li) => `${li.getAttribute('data-repo')} ${li.getAttribute('data-tag')}`,
          ),
        })),
      );
      const iosReleases = report.releases.filter((r) => r.segment === 'ios');
      const named = (list: typeof iosReleases) => list.map((r) => `${r.repo} ${r.tag}`).sort();
      for (const reason of VERDICT_REASONS) {
        const drill = drills.find((d) => d.key === `blocker:${reason}`)!;
        expect(drill.tags.sort()).toEqual(named(iosReleases.filter((r) => r.reasons.includes(reason))));
      }
      for (const kind of DEVOPS_KINDS) {
        const drill = drills.find((d) => d.key === `devops:${kind}`)!;
        expect(drill.tags.sort()).toEqual(named(iosReleases.filter((r) => r.activities.some((a) => a.kind === kind))));
      }
      // The open alerts past due, as the report lists them, each linked to GitHub.
      const alerts = await page.$$eval('#alerts-past-due tbody tr', (rows) =>
        rows.map((row) => [
          row.getAttribute('data-repo'),
          Number(row.getAttribute('data-alert')),
          row.querySelector('a')?.href,
        ]),
      );
      expect(alerts).toEqual(
        ios.alertsPastDue.map((a) => [
          a.repo,
          a.number,
          `https://github.com/${a.repo}/security/dependabot/${a.number}`,
        ]),
      );
      // At a glance is about one stated period, the last complete one.
      const last = ios.periods.findLast((p) => !p.current)!;
      expect(await page.getAttribute('p.stated', 'data-period')).toBe(last.start);
      expect(Number(await page.getAttribute('[data-card="north-star"]', 'data-value'))).toBe(last.wellPackaged);
      expect(drawn.filter((m) => m.series === 'rollback-reason').map((m) => [m.key, m.value])).toEqual(
        ios.topRollbackReasons.map((r) => [r.reason, r.count]),
      );
      // The accessible table says the same as the bars.
      const table = await page.$$eval('#north-star-table tbody tr', (rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].slice(0, 5).map((td) => td.getAttribute('data-value'))),
      );
      expect(table).toEqual(
        ios.periods.map((p) => [p.releases, p.wellPackaged, p.notWellPackaged, p.pending, p.share].map(String)),
      );
      // Each chart is a named image.
      const names = (await page.evaluate(
        `[...document.querySelectorAll('svg[role="img"]')].map((svg) => (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? ''))`,
      )) as string[][];
      expect(names.length).toBeGreaterThanOrEqual(5);
      for (const [title, desc] of names) {
        expect(title).not.toBe('');
        expect(desc).not.toBe('');
      }
      // The theme follows prefers-color-scheme.
      const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
      expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
      await page.screenshot({ path: `${OUT}/dashboard-${scheme}.png`, fullPage: true });
      // The views the README shows (docs/img): DevOps time of ios with its drill-downs open, then
      // the top of segment cloud's page and its biggest blocker.
      for (const summary of await page.$$('#h-devops-time ~ details.drill summary')) await summary.click();
      await page
        .locator('section[aria-labelledby="h-devops-time"]')
        .screenshot({ path: `${OUT}/dashboard-devops-time-${scheme}.png` });
      await page.goto(server.url('/shipwell?org=acme&segment=cloud'));
      await page.screenshot({ path: `${OUT}/dashboard-glance-${scheme}.png` });
      for (const summary of await page.$$('#h-blockers ~ details.drill summary')) await summary.click();
      await page
        .locator('section[aria-labelledby="h-blockers"]')
        .screenshot({ path: `${OUT}/dashboard-blockers-${scheme}.png` });
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.context().close();
    });
  }

  it('reaches the segment selector with the keyboard and switches segment with it', async () => {
    const { page, errors } = await open({ scheme: 'light', path: '/shipwell?org=acme' });
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'segment'; i++) {
      await page.keyboard.press('Tab');
      focused = String(await page.evaluate("document.activeElement?.id ?? ''"));
    }
    expect(focused).toBe('segment');
    await page.selectOption('#segment', 'cloud');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Show');
    await Promise.all([page.waitForURL(/segment=cloud/), page.keyboard.press('Enter')]);
    expect(await page.getAttribute('main', 'data-segment')).toBe('cloud');
    const cloud = report.segments.find((s) => s.name === 'cloud')!;
    const current = cloud.periods.find((p) => p.current)!;
    const drawn = await marks(page);
    expect(drawn.find((m) => m.series === 'pending' && m.period === current.start)?.value).toBe(current.pending);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens every drill-down and follows an alert link with the keyboard alone', async () => {
    const { page, errors } = await open({ scheme: 'dark', path: '/shipwell?org=acme&segment=ios' });
    const drills = await page.$$eval('details.drill', (nodes) => nodes.map((n) => n.getAttribute('data-drill')));
    expect(drills.length).toBe(VERDICT_REASONS.length + DEVOPS_KINDS.length);
    const opened = new Set<string>();
    let alertLink = false;
    for (let i = 0; i < 200 && (opened.size < drills.length || !alertLink); i++) {
      await page.keyboard.press('Tab');
      const focus = (await page.evaluate(
        "(() => { const e = document.activeElement; return { tag: e?.tagName ?? '', drill: e?.parentElement?.getAttribute('data-drill') ?? null, inAlerts: !!e?.closest('#alerts-past-due') }; })()",
      )) as { tag: string; drill: string | null; inAlerts: boolean };
      if (focus.tag === 'SUMMARY' && focus.drill !== null) {
        await page.keyboard.press('Enter');
        expect(await page.getAttribute(`details[data-drill="${focus.drill}"]`, 'open')).toBe('');
        opened.add(focus.drill);
      }
      if (focus.tag === 'A' && focus.inAlerts) alertLink = true;
    }
    expect([...opened].sort()).toEqual([...drills].sort());
    expect(alertLink).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows hostile tags, reasons and segment names as text: no dialog, no injected element', async () => {
    for (const segment of ['all', 'ios', XSS.segment]) {
      const { page, errors, dialogs } = await open({
        scheme: 'dark',
        path: `/shipwell?${new URLSearchParams({ org: 'acme', segment })}`,
      });
      expect(await page.$$('script, img, iframe, object, embed')).toHaveLength(0);
      expect(await page.$$('svg[onload], [onerror], [onload]')).toHaveLength(0);
      const text = String(await page.evaluate("document.body.textContent ?? ''"));
      if (segment !== XSS.segment) expect(text).toContain(XSS.reason);
      expect(text).toContain(XSS.segment);
      if (segment === 'ios') {
        expect(text).toContain(XSS.tag);
        expect(text).toContain(XSS.workflowReason);
        const svgText = await page.$$eval('#rollback-reasons svg text.reason', (nodes) =>
          nodes.map((n) => n.textContent),
        );
        expect(svgText).toEqual(expect.arrayContaining([XSS.reason, XSS.workflowReason]));
      }
      await page.waitForTimeout(50);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
