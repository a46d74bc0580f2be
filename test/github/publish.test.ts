import fc from 'fast-check';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCoverageSummary, parseRollbackSummary } from '../../src/events/index.ts';
import {
  publishReleaseVerdict,
  ReadOnlyTokenError,
  recordCoverage,
  recordRollback,
  SECTION_END,
  SECTION_START,
  spliceReleaseSection,
  updateReleaseNotes,
} from '../../src/github/index.ts';
import type { ReleaseReport } from '../../src/report/types.ts';
import * as gh from './nock-github.ts';

afterEach(() => {
  expect(nock.isDone(), `pending mocks: ${nock.pendingMocks().join(', ')}`).toBe(true);
  nock.cleanAll();
});

const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const publish = { checkRun: true, releaseNotes: true, failOnNotWellPackaged: false };
const rules = { maxDevopsActivities: 3, minCoverage: 80, rollbackWindowHours: 168 };
const base = { octokit: gh.testOctokit(), owner: gh.OWNER, repo: gh.REPO, rules };

function release(status: ReleaseReport['status'], reasons: ReleaseReport['reasons'] = []): ReleaseReport {
  return {
    repo: 'Codertocat/Hello-World',
    tag: 'v1.2.0',
    sha: SHA,
    segment: 'cloud',
    publishedAt: '2026-03-10T10:00:00.000Z',
    windowEnd: '2026-03-17T10:00:00.000Z',
    status,
    reasons,
    coverage: 78,
    coverageReport: null,
    devopsActivities: 0,
    activities: [],
    rollback: null,
    rollbacks: [],
    prerelease: false,
  };
}

describe('publishReleaseVerdict', () => {
  it('creates an in-progress check run for a pending release', async () => {
    gh.mockFindCheckRun(SHA, 'Shipwell KPIs', []);
    gh.mockCreateCheckRun(
      (body) =>
        body.name === 'Shipwell KPIs' &&
        body.head_sha === SHA &&
        body.status === 'in_progress' &&
        !('conclusion' in body) &&
        (body.output as { summary: string }).summary === 'summary',
      77,
    );
    const result = await publishReleaseVerdict({
      ...base,
      release: release('pending'),
      summary: 'summary',
      config: { publish },
    });
    expect(result).toEqual({ action: 'created', checkRunId: 77 });
  });

  it('updates the existing run: success when well-packaged', async () => {
    gh.mockFindCheckRun(SHA, 'Shipwell KPIs', [
      { id: 9, status: 'in_progress', conclusion: null, output: { title: 'Pending', summary: 'old' } },
    ]);
    gh.mockUpdateCheckRun(9, (body) => body.status === 'completed' && body.conclusion === 'success');
    const result = await publishReleaseVerdict({
      ...base,
      release: release('well-packaged'),
      summary: 'new',
      config: { publish },
    });
    expect(result).toEqual({ action: 'updated', checkRunId: 9 });
  });

  it('concludes neutral, or failure with failOnNotWellPackaged, its title saying why in words', async () => {
    const title = 'Not well-packaged: coverage 78 % is below 80 %';
    const said = (body: Record<string, unknown>) => (body.output as { title: string }).title === title;
    gh.mockCreateCheckRun((body) => body.conclusion === 'neutral' && said(body));
    gh.mockCreateCheckRun((body) => body.conclusion === 'failure' && said(body));
    const failing = {
      ...release('not-well-packaged', ['coverage-below-threshold']),
      coverageReport: {
        covered: 78,
        total: 100,
        sha: SHA,
        at: '2026-03-10T09:00:00.000Z',
        fallback: false,
        checkRunId: 5,
      },
    };
    await publishReleaseVerdict({ ...base, release: failing, summary: 's', config: { publish }, previous: null });
    await publishReleaseVerdict({
      ...base,
      release: failing,
      summary: 's',
      config: { publish: { ...publish, failOnNotWellPackaged: true } },
      previous: null,
    });
  });

  it('writes nothing when the run already says the same, or when check runs are off', async () => {
    const previous = {
      id: 3,
      status: 'completed',
      conclusion: 'success',
      title: 'Well-packaged',
      summary: 'same',
    };
    const same = await publishReleaseVerdict({
      ...base,
      release: release('well-packaged'),
      summary: 'same',
      config: { publish },
      previous,
    });
    expect(same).toEqual({ action: 'unchanged', checkRunId: 3 });
    const off = await publishReleaseVerdict({
      ...base,
      release: release('well-packaged'),
      summary: 'same',
      config: { publish: { ...publish, checkRun: false } },
    });
    expect(off).toEqual({ action: 'skipped', checkRunId: null });
  });

  it('keeps the summary within 65,535 characters', async () => {
    const long = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
    gh.mockCreateCheckRun((body) => {
      const summary = (body.output as { summary: string }).summary;
      return summary.length <= 65_535 && summary.startsWith('line 0 ');
    });
    await publishReleaseVerdict({
      ...base,
      release: release('pending'),
      summary: long,
      config: { publish },
      previous: null,
    });
  });

  it('turns a 403 "not accessible by integration" into ReadOnlyTokenError', async () => {
    gh.mockCreateCheckRun(() => true, 1, 403);
    await expect(
      publishReleaseVerdict({
        ...base,
        release: release('pending'),
        summary: 's',
        config: { publish },
        previous: null,
      }),
    ).rejects.toBeInstanceOf(ReadOnlyTokenError);
  });
});

describe('spliceReleaseSection', () => {
  it('appends after a blank line, then replaces only between the markers', () => {
    const first = spliceReleaseSection('## Changes\n\n- fix\n', 'KPIs: pending');
    expect(first).toBe(`## Changes\n\n- fix\n\n${SECTION_START}\nKPIs: pending\n${SECTION_END}\n`);
    const edited = first.replace('- fix', '- fix\n- edited by a person');
    expect(spliceReleaseSection(edited, 'KPIs: done')).toBe(
      `## Changes\n\n- fix\n- edited by a person\n\n${SECTION_START}\nKPIs: done\n${SECTION_END}\n`,
    );
    expect(spliceReleaseSection(null, 'x')).toBe(`${SECTION_START}\nx\n${SECTION_END}\n`);
  });

  it('is idempotent and keeps the text outside the markers', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (body, a, b) => {
        const clean = body.replaceAll(SECTION_START, '').replaceAll(SECTION_END, '');
        const once = spliceReleaseSection(clean, a);
        expect(spliceReleaseSection(once, a)).toBe(once);
        const twice = spliceReleaseSection(once, b);
        expect(twice.slice(0, twice.indexOf(SECTION_START))).toBe(once.slice(0, once.indexOf(SECTION_START)));
      }),
    );
  });
});

describe('updateReleaseNotes', () => {
  it('patches the body once; the same section again changes nothing', async () => {
    gh.mockReleaseByTag('v1.2.0', { id: 5, body: 'Notes' });
    gh.mockUpdateRelease(5, (body) => body.body === `Notes\n\n${SECTION_START}\nKPIs\n${SECTION_END}\n`);
    expect(await updateReleaseNotes({ ...base, tag: 'v1.2.0', section: 'KPIs' })).toBe(true);
    gh.mockReleaseByTag('v1.2.0', { id: 5, body: `Notes\n\n${SECTION_START}\nKPIs\n${SECTION_END}\n` });
    expect(await updateReleaseNotes({ ...base, tag: 'v1.2.0', section: 'KPIs' })).toBe(false);
  });

  it('gives a renderer the room left under 125,000 characters, and does nothing when turned off', async () => {
    gh.mockReleaseByTag('v1.2.0', { id: 5, body: 'n'.repeat(100_000) });
    let room = -1;
    gh.mockUpdateRelease(5, (body) => typeof body.body === 'string' && body.body.length <= 125_000);
    await updateReleaseNotes({
      ...base,
      tag: 'v1.2.0',
      section: (r) => {
        room = r;
        return 'k'.repeat(r);
      },
    });
    expect(room).toBeGreaterThan(20_000);
    expect(room).toBeLessThan(25_000);
    const off = await updateReleaseNotes({
      ...base,
      tag: 'v1.2.0',
      section: 'x',
      config: { publish: { releaseNotes: false } },
    });
    expect(off).toBe(false);
  });
});

describe('recordCoverage and recordRollback', () => {
  it('write check runs whose summaries the normalizer reads back', async () => {
    gh.mockCreateCheckRun((body) => {
      const output = body.output as { summary: string };
      const parsed = parseCoverageSummary(output.summary);
      return (
        body.name === 'shipwell/coverage' &&
        body.status === 'completed' &&
        parsed?.covered === 812 &&
        parsed.total === 1000
      );
    }, 11);
    gh.mockCreateCheckRun((body) => {
      const parsed = parseRollbackSummary((body.output as { summary: string }).summary);
      return (
        body.name === 'shipwell/rollback' && parsed?.tag === 'v1.2.0' && parsed.reason === 'payment errors second line'
      );
    }, 12);
    expect(
      await recordCoverage({ ...base, sha: SHA, totals: { covered: 812, total: 1000 }, details: '| a | b |' }),
    ).toBe(11);
    expect(await recordRollback({ ...base, sha: SHA, tag: 'v1.2.0', reason: 'payment errors\nsecond line' })).toBe(12);
  });
});

describe('a read-only token on release notes', () => {
  it('throws ReadOnlyTokenError naming the refused write', async () => {
    gh.mockReleaseByTag('v1.2.0', { id: 5, body: '' });
    gh.mockUpdateRelease(5, () => true, 403);
    await expect(updateReleaseNotes({ ...base, tag: 'v1.2.0', section: 'KPIs' })).rejects.toThrow(
      /PATCH \/repos\/\{owner\}\/\{repo\}\/releases\/\{release_id\}: the token may not write/,
    );
  });
});
