// docs/kpis.md, "A worked example", reproduced from real webhook payloads through the whole path:
// JSONL file → `shipwell kpis` → the JSON report.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { WebhookDelivery } from '../../src/events/index.ts';
import type { Report } from '../../src/report/types.ts';
import { workedExampleDeliveries } from './worked-example.ts';

async function runKpis(
  deliveries: WebhookDelivery[],
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'shipwell-'));
  const file = join(dir, 'deliveries.jsonl');
  writeFileSync(file, `${deliveries.map((d) => JSON.stringify(d)).join('\n')}\n`);
  let out = '';
  let err = '';
  const code = await main(['kpis', '--deliveries', file, ...args], {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
  });
  return { code, out, err };
}

describe('docs/kpis.md, "A worked example" worked example', () => {
  it('reproduces every release verdict and segment number', async () => {
    const { code, out, err } = await runKpis(workedExampleDeliveries(), '--now', '2026-03-20T00:00:00Z');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Report;

    expect(report.now).toBe('2026-03-20T00:00:00.000Z');
    expect(report.periods.slice(-2)).toEqual([
      { start: '2026-02-23T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z', current: false },
      { start: '2026-03-09T00:00:00.000Z', end: '2026-03-23T00:00:00.000Z', current: true },
    ]);
    expect(report.periods).toHaveLength(7);

    const releases = report.releases.map((r) => ({
      tag: r.tag,
      segment: r.segment,
      status: r.status,
      reasons: r.reasons,
      coverage: r.coverage,
      devopsActivities: r.devopsActivities,
      rollback: r.rollback && { at: r.rollback.at, signal: r.rollback.signal, reason: r.rollback.reason },
    }));
    expect(releases).toEqual([
      {
        tag: 'v1.0.0',
        segment: 'cloud',
        status: 'well-packaged',
        reasons: [],
        coverage: 85,
        devopsActivities: 1,
        rollback: null,
      },
      {
        tag: 'v1.1.0',
        segment: 'cloud',
        status: 'not-well-packaged',
        reasons: ['rolled-back'],
        coverage: 91,
        devopsActivities: 0,
        rollback: { at: '2026-03-03T09:04:30.000Z', signal: 'redeploy', reason: null },
      },
      {
        tag: 'v1.2.0',
        segment: 'cloud',
        status: 'not-well-packaged',
        reasons: ['devops-activities', 'coverage-below-threshold'],
        coverage: 78,
        devopsActivities: 3,
        rollback: null,
      },
      {
        tag: 'v1.3.0',
        segment: 'cloud',
        status: 'pending',
        reasons: [],
        coverage: 88,
        devopsActivities: 0,
        rollback: null,
      },
    ]);

    expect(report.segments.map((s) => s.name)).toEqual(['all', 'cloud']);
    for (const segment of report.segments) {
      const [previous, current] = segment.periods.slice(-2);
      expect(previous).toMatchObject({
        releases: 2,
        wellPackaged: 1,
        pending: 0,
        notWellPackaged: 1,
        rolledBack: 1,
        share: 50,
        medianRollbackMinutes: 4.5,
        patchesSettled: 2,
        patchesInSla: 1,
        patchCoverage: 50,
      });
      expect(current).toMatchObject({
        releases: 2,
        wellPackaged: 0,
        pending: 1,
        notWellPackaged: 1,
        rolledBack: 0,
        share: 0,
        medianRollbackMinutes: null,
        patchesSettled: 0,
        patchesInSla: 0,
        patchCoverage: null,
      });
      expect(segment.openAlertsPastDue).toBe(0);
      for (const p of segment.periods.slice(0, -2)) expect(p.releases + p.patchesSettled).toBe(0);
    }
  });

  it('replays history: with --now before v1.1.0 was rolled back it is still pending', async () => {
    const { out } = await runKpis(workedExampleDeliveries(), '--now', '2026-03-03T09:00:00Z');
    const report = JSON.parse(out) as Report;
    expect(report.releases.map((r) => [r.tag, r.status])).toEqual([
      ['v1.0.0', 'pending'],
      ['v1.1.0', 'pending'],
    ]);
  });
});
