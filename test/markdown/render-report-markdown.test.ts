import { describe, expect, it } from 'vitest';
import { renderReportMarkdown } from '../../src/markdown/index.ts';
import { findBrokenTableRows, findUnterminatedTables } from './markdown-checks.ts';
import { buildLargeReport, buildReport, SAMPLE_RELEASES } from './sample-report.ts';

describe('renderReportMarkdown', () => {
  const report = buildReport();
  const md = renderReportMarkdown({ report });

  it('renders the sample report', async () => {
    expect(findBrokenTableRows(md)).toEqual([]);
    expect(findUnterminatedTables(md)).toEqual([]);
    await expect(md).toMatchFileSnapshot('./__snapshots__/report.md.txt');
  });

  it('has a header with now and the current period, then a section per segment, then the releases', () => {
    expect(md).toContain('As of 2026-03-20 00:00 UTC · current period 2026-03-09 → 2026-03-23');
    const headings = md.split('\n').filter((line) => line.startsWith('### '));
    expect(headings).toEqual([
      '### Segment all (3 repos)',
      '### Segment cloud (2 repos)',
      '### Segment ios (1 repo)',
      `### Releases (${report.releases.length}, newest first)`,
    ]);
  });

  it('answers the seed questions per segment for the last complete period, with the releases and alerts behind them', () => {
    const sections = md.split('\n### ').slice(1, 4);
    for (const [i, name] of ['all', 'cloud', 'ios'].entries()) {
      const section = sections[i]!;
      const segment = report.segments.find((s) => s.name === name)!;
      const last = segment.periods.findLast((p) => !p.current)!;
      expect(section).toContain('Seed questions, 2026-02-23 → 2026-03-09 (the last complete period):');
      const blocker = /- Biggest blocker: ([a-z ]+) \((\d+) of (\d+) releases\)/.exec(section);
      const most = Math.max(...Object.values(last.failing));
      if (most === 0) expect(section).toContain('- Biggest blocker: none');
      else expect([Number(blocker?.[2]), Number(blocker?.[3])]).toEqual([most, last.releases]);
      expect(section).toMatch(/- DevOps time: /);
      for (const alert of segment.alertsPastDue) {
        expect(section).toContain(
          `[${alert.repo} #${alert.number}](https://github.com/${alert.repo}/security/dependabot/${alert.number})`,
        );
      }
    }
    expect(sections[0]).toContain('- DevOps time: 15 min, most on manual-workflow — manual-workflow 15 min (1)');
  });

  it('lists every release once, newest first', () => {
    const rows = md.split('\n').filter((line) => line.startsWith('| acme/'));
    expect(rows).toHaveLength(report.releases.length);
    const published = rows.map((row) => row.split(' | ')[3]);
    expect(published).toEqual([...published].sort().reverse());
  });

  it('shows alerts past due, time to fix and top rollback reasons per segment', () => {
    expect(md).toContain('Open alerts past due: **3** · median time to fix: 52.5 h');
    expect(md).toContain('Open alerts past due: **2** · median time to fix: —');
    expect(md).toContain('1. payment errors after deploy (2)');
    expect(md).toContain('Top rollback reasons: no reason given (1)');
  });
});

describe('renderReportMarkdown of one repository', () => {
  const report = buildReport({ releases: SAMPLE_RELEASES.filter((r) => r.repo === 'acme/api') });

  it("labels its figures as the repository's, in its own segment only", () => {
    const md = renderReportMarkdown({ report, repo: 'acme/api' });
    expect(md.split('\n').filter((line) => line.startsWith('### '))).toEqual([
      '### acme/api (cloud)',
      `### Releases (${report.releases.length}, newest first)`,
    ]);
    expect(md).toContain('figures of acme/api alone');
    expect(md).not.toContain('Segment cloud');
  });

  it('labels the segments across the repositories of the report without a repository', () => {
    const md = renderReportMarkdown({ report });
    expect(md).toContain('### Segment cloud (1 repo)');
    expect(md).toContain('each segment across the 1 repository of this report');
  });
});

describe('renderReportMarkdown warnings', () => {
  it('shows none, and changes nothing, when there are none', () => {
    expect(renderReportMarkdown({ report: buildReport({ warnings: [] }) })).not.toContain('Warnings');
  });

  it('lists each warning under the header, escaped', () => {
    const warning =
      'delivery x appears twice with different payloads; the one read is the greatest in canonical JSON order, ' +
      'with payload.release.name "<b>@team</b> | *bold*", not "v1"';
    const md = renderReportMarkdown({ report: buildReport({ warnings: [warning] }) });
    const lines = md.split('\n');
    const lead = lines.indexOf('**Warnings** (1): the report was computed, but the input held:');
    expect(lead).toBeGreaterThan(0);
    expect(lines[lead + 2]).toBe(
      '- delivery x appears twice with different payloads; the one read is the greatest in canonical JSON order, ' +
        'with payload.release.name "&lt;b&gt;@\u200dteam&lt;/b&gt; \\| \\*bold\\*", not "v1"',
    );
    expect(lead).toBeLessThan(lines.findIndex((line) => line.startsWith('### Segment all')));
  });
});

describe('renderReportMarkdown truncation', () => {
  const large = buildLargeReport({ count: 5_000 });
  const whole = renderReportMarkdown({ report: large, maxLength: Number.MAX_SAFE_INTEGER });

  it('needs truncation at all (the report is larger than the limit)', () => {
    expect(whole.length).toBeGreaterThan(65_535);
  });

  it('stays within 65,535 characters, cuts between rows and says how many releases are missing', () => {
    const md = renderReportMarkdown({ report: large });
    expect(md.length).toBeLessThanOrEqual(65_535);
    expect(md.length).toBeGreaterThan(60_000);
    const [body = '', note = ''] = md.split('\n\n_… truncated: ');
    expect(whole.startsWith(body)).toBe(true);
    const shown = body.split('\n').filter((line) => line.startsWith('| acme/')).length;
    expect(shown).toBeGreaterThan(0);
    expect(note).toBe(
      `${(5_000 - shown).toLocaleString('en-US')} more releases not shown (this summary is limited to 65,535 characters). Full report: \`shipwell kpis --format json\`._\n`,
    );
    expect(findBrokenTableRows(md)).toEqual([]);
    expect(findUnterminatedTables(md)).toEqual([]);
  });

  it.each([0, 1, 50, 300, 1_000, 5_000, 20_000])('stays within maxLength %i', (maxLength) => {
    const md = renderReportMarkdown({ report: large, maxLength });
    expect(md.length).toBeLessThanOrEqual(maxLength);
    expect(findBrokenTableRows(md)).toEqual([]);
  });

  it('names the segments it had to leave out as well', () => {
    const md = renderReportMarkdown({ report: large, maxLength: 2_000 });
    expect(md).toMatch(/_… truncated: \d+ more segments? and 5,000 more releases not shown/);
  });

  it('uses the caller’s hint for where the full report is', () => {
    const md = renderReportMarkdown({ report: large, maxLength: 20_000, fullReportHint: 'See the job summary.' });
    expect(md).toMatch(/See the job summary\._\n$/);
  });
});
