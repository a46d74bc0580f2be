import { describe, expect, it } from 'vitest';
import { renderReleaseSummary, renderReportMarkdown, renderTrend } from '../../src/markdown/index.ts';
import { reportOf } from '../kpi/report-of.ts';
import { workedExampleDeliveries } from '../kpi/worked-example.ts';

const report = reportOf({
  deliveries: workedExampleDeliveries(),
  now: '2026-03-20T00:00:00Z',
  config: 'targets:\n  cloud:\n    wellPackaged: 2\n',
});
const cloud = report.segments.find((s) => s.name === 'cloud')!;
const text = (lines: { text: string }[]) => lines.map((l) => l.text).join('\n');

describe('renderTrend', () => {
  it('text: sparklines and a table, no Mermaid', () => {
    const out = text(renderTrend({ segment: cloud, trend: 'text' }));
    expect(out).not.toContain('```mermaid');
    expect(out).toContain('```text');
    expect(out).toContain('| period |');
  });

  it('mermaid: an xychart of well-packaged per period, oldest first, the target as a line, then the fallback', () => {
    const out = text(renderTrend({ segment: cloud, trend: 'mermaid' }));
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(out)?.[1] ?? '';
    expect(chart.split('\n')[0]).toBe('xychart-beta');
    expect(chart).toContain(`bar [${cloud.periods.map((p) => p.wellPackaged).join(', ')}]`);
    expect(chart).toContain(`line [${cloud.periods.map(() => 2).join(', ')}]`);
    expect(chart).toMatch(/x-axis \["\d\d-\d\d", .*"now"\]/);
    expect(out.indexOf('```mermaid')).toBeLessThan(out.indexOf('```text'));
    expect(out).toContain('| period |');
  });

  it('keeps quotes, brackets and backticks of a segment name out of the Mermaid code', () => {
    const hostile = { ...cloud, name: '"]\n```\n<script>alert(1)</script>' };
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(text(renderTrend({ segment: hostile, trend: 'mermaid' })))?.[1];
    const title = chart?.split('\n').find((l) => l.includes('title')) ?? '';
    expect(title).toMatch(/^ {2}title "[^"`<>[\]]*"$/);
  });
});

describe('trend option of the summaries', () => {
  it('leaves the release summary as it was by default and adds the chart with mermaid', () => {
    const base = { report, repo: 'acme/api', tag: 'v1.2.0' };
    expect(renderReleaseSummary(base)).toBe(renderReleaseSummary({ ...base, trend: 'text' }));
    expect(renderReleaseSummary(base)).not.toContain('```mermaid');
    expect(renderReleaseSummary({ ...base, trend: 'mermaid' })).toContain('```mermaid\nxychart-beta');
  });

  it('adds one chart per segment to the report markdown only when asked', () => {
    expect(renderReportMarkdown({ report })).not.toContain('```mermaid');
    const charts = renderReportMarkdown({ report, trend: 'mermaid' }).match(/```mermaid/g) ?? [];
    expect(charts).toHaveLength(report.segments.length);
  });

  it('never leaves a Mermaid fence open when the summary is cut', () => {
    for (let maxLength = 200; maxLength < 4000; maxLength += 97) {
      const out = renderReportMarkdown({ report, trend: 'mermaid', maxLength });
      expect(out.length).toBeLessThanOrEqual(maxLength);
      expect((out.match(/^```/gm) ?? []).length % 2).toBe(0);
    }
  });
});
