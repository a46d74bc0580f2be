// The dashboard's reasons column says each reason as the release pages do, with its figures
// (docs/kpis.md, "How a verdict reads"), never the report's codes.
import { describe, expect, it } from 'vitest';
import { renderReleaseRows } from '../../src/dashboard/render-release-rows.ts';
import { buildReport } from '../markdown/sample-report.ts';

describe("the dashboard's reasons column", () => {
  it('shows the shared sentences, HTML-escaped, and no reason code', () => {
    const html = renderReleaseRows({ report: buildReport(), segment: 'all' });
    const row = (tag: string) => html.match(new RegExp(`<tr data-repo="[^"]*" data-tag="${tag}">[\\s\\S]*?</tr>`))?.[0];
    expect(row('v1.2.0')).toContain('<td>3 DevOps activities (fewer than 3 allowed); coverage 78 % is below 80 %</td>');
    expect(row('v1.9.0')).toContain('<td>no coverage report before the window closed</td>');
    expect(html).not.toMatch(/coverage-below-threshold|devops-activities|coverage-missing|rolled-back/);
  });
});
