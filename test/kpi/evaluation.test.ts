// computeReport is evaluateRepoState, then judgeRepoEvaluation and
// tallyReport: an evaluation is plain JSON that judges at any later now, and
// what it cannot answer is refused, never answered wrong.
import { describe, expect, it } from 'vitest';
import { parseConfig, rulesForSegment } from '../../src/config/index.ts';
import { ingestDeliveries } from '../../src/events/index.ts';
import {
  computeReport,
  evaluateRepoState,
  judgeRepoEvaluation,
  type RepoEvaluation,
  tallyReport,
} from '../../src/kpi/index.ts';
import {
  alertEvent,
  coverageReported,
  deploymentSucceeded,
  releasePublished,
  sha,
  workflowRunCompleted,
} from './deliveries.ts';

const repo = 'acme/api';
const { facts } = ingestDeliveries([
  releasePublished({ repo, tag: 'v1', publishedAt: '2026-03-02T10:00:00Z', commit: sha('v1') }),
  coverageReported({ repo, commit: sha('v1'), covered: 79, total: 100, completedAt: '2026-03-02T09:00:00Z' }),
  workflowRunCompleted({ repo, runId: 1, attempt: 2, commit: sha('v1'), startedAt: '2026-03-03T00:00:00Z' }),
  deploymentSucceeded({
    repo,
    deploymentId: 1,
    commit: sha('v1'),
    createdAt: '2026-03-02T11:00:00Z',
    succeededAt: '2026-03-02T11:05:00Z',
  }),
  releasePublished({ repo, tag: 'v2', publishedAt: '2026-03-12T10:00:00Z', commit: sha('v2') }),
  alertEvent({
    repo,
    number: 1,
    action: 'created',
    state: 'open',
    createdAt: '2026-03-10T00:00:00Z',
    updatedAt: '2026-03-10T00:00:00Z',
  }),
]);
const config = parseConfig({ text: '', file: 'shipwell.yml' });
const evaluatedAt = Date.parse('2026-03-13T00:00:00Z');
const evaluation = evaluateRepoState({ repo, facts, config, now: evaluatedAt });

describe('an evaluation', () => {
  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(evaluation))).toStrictEqual(evaluation);
  });

  it('judges at later nows what the facts give then, windows closing and alerts falling due', () => {
    for (const at of ['2026-03-13T00:00:00Z', '2026-03-18T00:00:00Z', '2026-03-20T00:00:00Z', '2026-04-30T00:00:00Z']) {
      const now = Date.parse(at);
      const stored = JSON.parse(JSON.stringify(evaluation)) as RepoEvaluation;
      expect(JSON.stringify(tallyReport({ evaluations: [stored], config, now }))).toBe(
        JSON.stringify(computeReport({ facts, config, now })),
      );
    }
    const later = judgeRepoEvaluation({
      evaluation,
      rules: rulesForSegment({ config, segment: evaluation.segment }),
      now: Date.parse('2026-04-30T00:00:00Z'),
    });
    expect(later.verdicts.map((v) => [v.release.tag, v.status])).toEqual([
      ['v1', 'not-well-packaged'],
      ['v2', 'not-well-packaged'],
    ]);
    expect(later.settlements.map((s) => s.outcome)).toEqual(['breached']);
  });

  it('serves a config that only judges differently', () => {
    const lenient = parseConfig({ text: 'minCoverage: 70\npatches:\n  sla:\n    high: 30d\n', file: 'shipwell.yml' });
    const now = Date.parse('2026-04-30T00:00:00Z');
    expect(JSON.stringify(tallyReport({ evaluations: [evaluation], config: lenient, now }))).toBe(
      JSON.stringify(computeReport({ facts, config: lenient, now })),
    );
  });

  it('is not judged before its own now', () => {
    expect(() =>
      judgeRepoEvaluation({
        evaluation,
        rules: rulesForSegment({ config, segment: evaluation.segment }),
        now: evaluatedAt - 1,
      }),
    ).toThrow('cannot judge acme/api at 2026-03-12T23:59:59.999Z: it was evaluated at 2026-03-13T00:00:00.000Z');
    expect(() => tallyReport({ evaluations: [evaluation], config, now: evaluatedAt - 1 })).toThrow(
      'cannot report acme/api at 2026-03-12T23:59:59.999Z',
    );
  });

  it('is not counted under a config that evaluates the repo differently, nor twice', () => {
    const other = parseConfig({ text: 'rollbackWindow: 3d\n', file: 'shipwell.yml' });
    expect(() => tallyReport({ evaluations: [evaluation], config: other, now: evaluatedAt })).toThrow(
      'cannot report acme/api: it was evaluated by another engine or config; evaluate it again',
    );
    expect(() => tallyReport({ evaluations: [evaluation, evaluation], config, now: evaluatedAt })).toThrow(
      'cannot report acme/api: it was given twice',
    );
  });
});
