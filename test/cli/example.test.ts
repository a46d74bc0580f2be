// The README's quick start: the committed example file is current, and the
// real `shipwell` binary (run by Node as a user runs it) reproduces the
// worked example of the KPI contract from it.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleJsonl } from '../../scripts/make-example-deliveries.ts';
import type { Report } from '../../src/report/types.ts';

const cli = ['cli/index.ts'];

describe('examples/worked-example.jsonl', () => {
  it('is what scripts/make-example-deliveries.ts writes', () => {
    expect(readFileSync('examples/worked-example.jsonl', 'utf8')).toBe(exampleJsonl());
  });

  it('gives the worked example through the shipwell binary', () => {
    const out = execFileSync(
      process.execPath,
      [...cli, 'kpis', '--deliveries', 'examples/worked-example.jsonl', '--now', '2026-03-20T00:00:00Z'],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(out) as Report;
    expect(report.releases.map((r) => `${r.tag} ${r.status} ${r.reasons.join(',')}`)).toEqual([
      'v1.0.0 well-packaged ',
      'v1.1.0 not-well-packaged rolled-back',
      'v1.2.0 not-well-packaged devops-activities,coverage-below-threshold',
      'v1.3.0 pending ',
    ]);
    const cloud = report.segments.find((s) => s.name === 'cloud')!;
    expect(cloud.periods.slice(-2).map((p) => [p.wellPackaged, p.releases, p.share, p.patchCoverage])).toEqual([
      [1, 2, 50, 50],
      [0, 2, 0, null],
    ]);
  });

  it('renders Markdown', () => {
    const out = execFileSync(
      process.execPath,
      [
        ...cli,
        'kpis',
        '--deliveries',
        'examples/worked-example.jsonl',
        '--now',
        '2026-03-20T00:00:00Z',
        '--format',
        'markdown',
      ],
      { encoding: 'utf8' },
    );
    expect(out).toContain('v1.2.0');
    expect(out).toMatch(/cloud/);
  });
});

describe('bad input', () => {
  function run(...args: string[]) {
    return spawnSync(process.execPath, [...cli, ...args], { encoding: 'utf8' });
  }

  it('names the file and line of a malformed delivery, exit 2', () => {
    const r = run('kpis', '--deliveries', 'test/fixtures/cli/bad-line.jsonl', '--now', '2026-03-20T00:00:00Z');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/test\/fixtures\/cli\/bad-line\.jsonl:2: not valid JSON/);
    expect(r.stdout).toBe('');
  });

  it('names the delivery, line and field of a payload missing what we need, exit 2', () => {
    const r = run('kpis', '--deliveries', 'test/fixtures/cli/missing-field.jsonl', '--now', '2026-03-20T00:00:00Z');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /missing-field\.jsonl:1: delivery d-1: payload\.release\.published_at: expected an ISO-8601 time/,
    );
  });

  it('rejects an unknown flag, a bad --now, a missing file and a bad config key', () => {
    expect(run('kpis', '--deliveries', 'x.jsonl', '--bogus').status).toBe(2);
    const now = run('kpis', '--deliveries', 'examples/worked-example.jsonl', '--now', 'yesterday');
    expect(now.status).toBe(2);
    expect(now.stderr).toMatch(/--now: expected an ISO-8601 time/);
    const missing = run('kpis', '--deliveries', 'nope.jsonl');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.jsonl: cannot read/);
    const config = run(
      'kpis',
      '--deliveries',
      'examples/worked-example.jsonl',
      '--config',
      'test/fixtures/cli/typo.yml',
    );
    expect(config.status).toBe(2);
    expect(config.stderr).toMatch(/typo\.yml:2: minCoverge: unknown key; did you mean "minCoverage"\?/);
  });

  it('lists every subcommand in --help and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}kpis {2,}\S/m);
    expect(r.stdout).toMatch(/^ {2}coverage {2,}\S/m);
    expect(r.stdout).toMatch(/^ {2}report {2,}\S/m);
  });
});
