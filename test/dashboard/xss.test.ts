// A release tag and rollback reasons carrying HTML/JS must come out as text
// in every renderer: the dashboard page (HTML and SVG), the CSV and the
// Markdown summaries (check runs, job summaries, release notes).
import { describe, expect, it } from 'vitest';
import { renderDashboardPage } from '../../src/dashboard/index.ts';
import { renderReleaseSummary, renderReportMarkdown, renderTrend } from '../../src/markdown/index.ts';
import { seededReport, XSS } from './seeded-report.ts';

const report = seededReport();
const ATTACKS = Object.values(XSS);
/** Markup that would open an element or handler if it reached a browser unescaped. */
const LIVE_MARKUP = /<\s*\/?\s*(script|img|svg)/i;

describe('hostile text', () => {
  it('is escaped in the page, including inside the SVG charts and their titles', () => {
    for (const segment of report.segments.map((s) => s.name)) {
      const html = renderDashboardPage({ report, org: 'acme', segment });
      const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
      expect(svgs.length).toBeGreaterThan(0);
      for (const part of [html, ...svgs]) {
        for (const attack of ATTACKS) expect(part).not.toContain(attack);
      }
      // Only the page's own chart SVGs (and meters) open an <svg>; nothing else opens script or img.
      expect(html.replace(/<svg (viewBox|class="meter")/g, '')).not.toMatch(/<(script|img|svg)/i);
    }
  });

  it('shows the rollback reason inside an SVG text element as escaped text', () => {
    const html = renderDashboardPage({ report, org: 'acme', segment: 'ios' });
    const reasons = html.match(/<figure class="chart" id="rollback-reasons">[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(reasons).toMatch(/<text class="reason" [^>]*>&lt;\/svg&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;<\/text>/);
    expect(reasons).toMatch(/<text class="reason" [^>]*>&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;<\/text>/);
  });

  it('is inert in the Markdown renderers', () => {
    const outputs = [
      renderReportMarkdown({ report }),
      renderReportMarkdown({ report, trend: 'mermaid' }),
      renderReleaseSummary({ report, repo: 'acme/app', tag: XSS.tag }),
      renderReleaseSummary({ report, repo: 'acme/app', tag: 'v2.0.0', trend: 'mermaid' }),
      ...report.segments.map((segment) =>
        renderTrend({ segment, trend: 'mermaid' })
          .map((l) => l.text)
          .join('\n'),
      ),
    ];
    for (const markdown of outputs) {
      expect(markdown).not.toMatch(LIVE_MARKUP);
      for (const attack of ATTACKS) expect(markdown).not.toContain(attack);
    }
    expect(outputs[0]).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
  });
});
