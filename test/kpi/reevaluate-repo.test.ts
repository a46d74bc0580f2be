// reevaluateRepo on written-out histories (docs/kpis.md, "Re-evaluating only
// what can change"): each case is one way a new fact reaches back in time,
// and checks that the re-evaluation reads from the latest stable release on
// (not everything) and still equals evaluating every fact.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.ts';
import { ingestDeliveries, type WebhookDelivery } from '../../src/events/index.ts';
import type { Fact } from '../../src/events/types.ts';
import {
  createMemoryFactSource,
  evaluateRepoState,
  type FactSelection,
  type FactSource,
  factIndexFields,
  keepExtremeOrigins,
  reevaluateRepo,
} from '../../src/kpi/index.ts';
import {
  coverageReported,
  deploymentSucceeded,
  labeled,
  pullMerged,
  releasePublished,
  releaseRetracted,
  repositoryTouched,
  sha,
  workflowRunCompleted,
} from './deliveries.ts';

const repo = 'acme/api';
const day = (d: string): string => `2026-03-${d}:00:00Z`;
const release = (tag: string, publishedAt: string, name = tag) =>
  releasePublished({ repo, tag, publishedAt, commit: sha(tag), name });
const run = (commit: string, startedAt: string, extra: Partial<Parameters<typeof workflowRunCompleted>[0]> = {}) =>
  workflowRunCompleted({ repo, runId: Date.parse(startedAt) / 60_000, commit, startedAt, ...extra });
const deploy = (id: number, commit: string, ref: string, succeededAt: string, createdAt = succeededAt) =>
  deploymentSucceeded({ repo, deploymentId: id, commit, ref, createdAt, succeededAt });

/**
 * A memory source over what a store keeps of `facts` (keepExtremeOrigins)
 * that records what it was asked and what it answered.
 */
function recordingSource(facts: Fact[]): FactSource & {
  everything: number;
  selected: Fact[];
  selections: FactSelection[];
  /** The selection by time, if any. */
  ranged: () => FactSelection | undefined;
} {
  const memory = createMemoryFactSource(keepExtremeOrigins(facts));
  const source = {
    everything: 0,
    selected: [] as Fact[],
    selections: [] as FactSelection[],
    allFacts: async () => {
      source.everything++;
      return memory.allFacts();
    },
    releaseFacts: () => memory.releaseFacts(),
    earliestAt: memory.earliestAt,
    groupsKnownBetween: memory.groupsKnownBetween,
    select: async (selection: FactSelection) => {
      const found = await memory.select(selection);
      source.selections.push(selection);
      source.selected.push(...found);
      return found;
    },
    ranged: () => source.selections.find((s) => s.since !== null),
  };
  return source;
}

/**
 * `stored` evaluated at `before`, then `added` stored and the repo
 * re-evaluated at `now`: the re-evaluation must equal evaluating every fact.
 */
async function replay({
  stored,
  added,
  before,
  now,
  config = '',
}: {
  stored: WebhookDelivery[];
  added: WebhookDelivery[];
  before: string;
  now: string;
  config?: string;
}) {
  const parsed = parseConfig({ text: config, file: 'shipwell.yml' });
  const old = ingestDeliveries(stored).facts;
  const fresh = ingestDeliveries(added).facts;
  const all = [...old, ...fresh];
  const previous = evaluateRepoState({ repo, facts: old, config: parsed, now: Date.parse(before) });
  const source = recordingSource(all);
  const result = await reevaluateRepo({
    repo,
    previous,
    changes: { groups: [...new Set(fresh.map((f) => factIndexFields(f).group))] },
    source,
    config: parsed,
    now: Date.parse(now),
  });
  const full = evaluateRepoState({ repo, facts: all, config: parsed, now: Date.parse(now) });
  expect(result.evaluation).toStrictEqual(full);
  const releaseOf = (tag: string) => result.evaluation.releases.find((r) => r.release.tag === tag)!;
  return { result, source, releaseOf };
}

describe('reevaluateRepo reads from the latest stable release', () => {
  it('finds the redeploy chain where it stood before that release (a deployment by tag, long before)', async () => {
    const { result, source, releaseOf } = await replay({
      stored: [release('v1', day('01T00')), release('v2', day('10T00')), deploy(1, sha('other'), 'v2', day('09T01'))],
      added: [deploy(2, sha('v1'), 'main', day('13T00'))],
      before: day('11T00'),
      now: day('14T00'),
    });
    expect(releaseOf('v2').rollbacks.map((r) => r.signal)).toEqual(['redeploy']);
    // from the new deployment on; the chains from v2 on (deployment 1 says where v2's chain stands)
    expect(result.read).toEqual({
      scope: 'since',
      since: Date.parse(day('13T00')),
      chainsSince: Date.parse(day('10T00')),
    });
    expect(result.changedReleases).toEqual(['v2']);
    expect(source.everything).toBe(0);
    expect(source.ranged()!.groups).toContain('deployment:1');
  });

  it('reads the chains from that release on, but other facts only from the cut', async () => {
    const { result, source, releaseOf } = await replay({
      stored: [
        release('v1', day('01T00')),
        release('v2', day('10T00')),
        run(sha('x'), day('11T00'), { attempt: 2 }),
        deploy(1, sha('v2'), 'main', day('11T06')),
      ],
      added: [deploy(2, sha('v1'), 'main', day('12T00')), run(sha('y'), day('12T06'), { attempt: 2 })],
      before: day('11T12'),
      now: day('13T00'),
    });
    expect(result.read).toEqual({
      scope: 'since',
      since: Date.parse(day('12T00')),
      chainsSince: Date.parse(day('10T00')),
    });
    const read = new Set(source.selected.map((f) => factIndexFields(f).group));
    expect(read).toContain('deployment:1');
    expect(read).not.toContain(`workflow-run:${Date.parse(day('11T00')) / 60_000}`);
    // the re-run before the cut is kept from before, the one after it read; the redeploy found from the chain
    expect(releaseOf('v2').activities.map((a) => a.kind)).toEqual([]);
    expect(releaseOf('v2').rollbacks.map((r) => r.signal)).toEqual(['redeploy']);
  });

  it('finds a deployment that succeeded exactly at that release', async () => {
    const { releaseOf } = await replay({
      stored: [
        release('v1', day('01T00')),
        release('v2', day('05T00')),
        deploy(1, sha('other'), 'v2', day('05T00'), day('04T23')),
      ],
      added: [deploy(2, sha('v1'), 'main', day('07T00'))],
      before: day('06T00'),
      now: day('08T00'),
    });
    expect(releaseOf('v2').rollbacks.map((r) => r.signal)).toEqual(['redeploy']);
  });

  it('finds the coverage fallback of a new release long before it', async () => {
    const { result, releaseOf } = await replay({
      stored: [
        release('v1', day('01T00')),
        release('v2', day('10T00')),
        coverageReported({ repo, commit: sha('x'), covered: 90, total: 100, completedAt: day('05T00'), id: 77 }),
      ],
      added: [release('v3', day('12T00'))],
      before: day('11T00'),
      now: day('13T00'),
    });
    expect(releaseOf('v3').coverageBefore?.checkRunId).toBe(77);
    // a new release moves what falls to v2 from its publication on
    expect(result.read).toEqual({
      scope: 'since',
      since: Date.parse(day('10T00')),
      chainsSince: Date.parse(day('10T00')),
    });
  });

  it('finds coverage of a release commit reported long before', async () => {
    const { result, releaseOf } = await replay({
      stored: [
        coverageReported({
          repo,
          commit: sha('v2'),
          covered: 85,
          total: 100,
          completedAt: '2026-02-20T00:00:00Z',
          id: 5,
        }),
        release('v1', day('01T00')),
        coverageReported({ repo, commit: sha('x'), covered: 50, total: 100, completedAt: day('05T00'), id: 6 }),
        release('v2', day('10T00')),
      ],
      added: [run(sha('v1'), day('12T00'))],
      before: day('11T00'),
      now: day('13T00'),
    });
    expect(releaseOf('v2').ownCoverage?.checkRunId).toBe(5);
    expect(result.read.scope).toBe('since');
  });

  it('finds a PR reverted long after it merged', async () => {
    const { releaseOf } = await replay({
      stored: [
        release('v1', day('01T00')),
        pullMerged({ repo, number: 5, headRef: 'feature', title: 'Feature', mergedAt: day('09T00') }),
        release('v2', day('10T00')),
      ],
      added: [pullMerged({ repo, number: 6, headRef: 'revert-5-feature', title: 'Revert', mergedAt: day('12T00') })],
      before: day('11T00'),
      now: day('13T00'),
    });
    expect(releaseOf('v2').rollbacks.map((r) => r.signal)).toEqual(['revert-pr']);
  });

  it('counts facts stored earlier but dated after the previous evaluation', async () => {
    const rerun = run(sha('v2'), day('12T00'), { attempt: 2 });
    const { result, releaseOf } = await replay({
      stored: [release('v1', day('01T00')), release('v2', day('10T00')), rerun],
      added: [],
      before: day('11T00'),
      now: day('13T00'),
    });
    expect(releaseOf('v2').activities.map((a) => a.kind)).toEqual(['rerun']);
    expect(result.changedReleases).toEqual(['v2']);
  });

  it('gives a new release the activities waiting since the one before, and its hotfix to that one', async () => {
    const { releaseOf } = await replay({
      stored: [release('v1', day('01T00')), release('v2', day('05T00')), run(sha('x'), day('08T00'), { attempt: 2 })],
      added: [release('v3', day('09T12'), 'hotfix 3')],
      before: day('09T00'),
      now: day('10T00'),
    });
    expect(releaseOf('v3').activities.map((a) => a.kind)).toEqual(['rerun']);
    expect(releaseOf('v2').activities.map((a) => a.kind)).toEqual(['hotfix']);
  });

  it('gives a hotfix published at the same instant as the release before it', async () => {
    const { releaseOf } = await replay({
      stored: [release('v1', day('01T00')), release('v2', day('10T00'))],
      added: [release('v2-fix', day('10T00'), 'hotfix 2')],
      before: day('11T00'),
      now: day('11T12'),
    });
    expect(releaseOf('v2').activities.map((a) => a.kind)).toEqual(['hotfix']);
  });

  it('notices a release renamed into a hotfix', async () => {
    const { releaseOf } = await replay({
      stored: [release('v1', day('05T00'), 'Release 1'), release('v2', day('10T00'), 'Release 2')],
      added: [release('v2', day('10T00'), 'hotfix 2')],
      before: day('11T00'),
      now: day('12T00'),
    });
    expect(releaseOf('v1').activities.map((a) => a.kind)).toEqual(['hotfix']);
  });

  it('keeps what happened before the cut to an open release published before the latest one', async () => {
    const { releaseOf } = await replay({
      stored: [
        release('v1', day('01T00')),
        deploy(1, sha('x'), 'main', day('02T00')),
        coverageReported({ repo, commit: sha('x'), covered: 90, total: 100, completedAt: day('02T12'), id: 1 }),
        release('v2', day('03T00')),
        run(sha('v2'), day('04T00'), { attempt: 2 }),
        labeled({ repo, number: 1, label: 'rollback', title: 'Broken v2', at: day('04T00') }),
        deploy(2, sha('y'), 'main', day('04T00')),
        coverageReported({ repo, commit: sha('y'), covered: 70, total: 100, completedAt: day('04T12'), id: 2 }),
        release('v3', day('05T00')),
      ],
      added: [run(sha('v3'), day('07T00'))],
      before: day('06T00'),
      now: day('08T00'),
    });
    expect(releaseOf('v2').deploymentsBefore).toEqual([1]);
    expect(releaseOf('v2').coverageBefore?.checkRunId).toBe(1);
    expect(releaseOf('v2').activities.map((a) => a.kind)).toEqual(['rerun']);
    expect(releaseOf('v2').rollbacks.map((r) => r.signal)).toEqual(['label']);
    expect(releaseOf('v3').deploymentsBefore).toEqual([2]);
  });

  it('counts a retraction stored later', async () => {
    const { releaseOf } = await replay({
      stored: [release('v1', day('01T00')), release('v2', day('10T00'))],
      added: [releaseRetracted({ repo, tag: 'v2', action: 'deleted', publishedAt: day('10T00'), at: day('12T00') })],
      before: day('11T00'),
      now: day('13T00'),
    });
    expect(releaseOf('v2').rollbacks.map((r) => r.signal)).toEqual(['retracted']);
  });

  it('re-reads everything when a new release claims a deployment made long before by its tag', async () => {
    const { result, releaseOf } = await replay({
      stored: [
        deploymentSucceeded({
          repo,
          deploymentId: 9,
          commit: sha('y'),
          ref: 'v3',
          createdAt: '2026-02-20T00:00:00Z',
          succeededAt: '2026-02-20T00:00:00Z',
          byWorkflow: false,
        }),
        release('v1', day('01T00')),
        release('v2', day('05T00')),
      ],
      added: [release('v3', day('07T00'))],
      before: day('06T00'),
      now: day('08T00'),
    });
    expect(releaseOf('v3').activities.map((a) => a.kind)).toEqual(['manual-deployment']);
    expect(releaseOf('v1').activities).toEqual([]);
    expect(result.read).toEqual({ scope: 'all' });
  });

  it('re-reads everything when a new release claims a re-run made long before on its commit', async () => {
    const { result, releaseOf } = await replay({
      stored: [
        run(sha('v3'), '2026-02-20T00:00:00Z', { attempt: 2 }),
        release('v1', day('01T00')),
        release('v2', day('05T00')),
      ],
      added: [release('v3', day('07T00'))],
      before: day('06T00'),
      now: day('08T00'),
    });
    expect(releaseOf('v3').activities.map((a) => a.kind)).toEqual(['rerun']);
    expect(result.read).toEqual({ scope: 'all' });
  });

  it('re-reads everything for a first release, which every earlier activity belongs to', async () => {
    const { result } = await replay({
      stored: [run(sha('x'), day('01T00'), { attempt: 2 })],
      added: [release('v1', day('03T00'))],
      before: day('02T00'),
      now: day('04T00'),
    });
    expect(result.read).toEqual({ scope: 'all' });
  });

  it('reads only the changed groups when no window is open', async () => {
    const { result, source } = await replay({
      stored: [release('v1', day('01T00'))],
      added: [
        run(sha('x'), day('20T00'), { attempt: 2 }),
        labeled({ repo, number: 1, label: 'bug', title: 'x', at: day('20T00') }),
      ],
      before: day('19T00'),
      now: day('21T00'),
    });
    expect(result.read).toEqual({ scope: 'changes' });
    expect(result.changedReleases).toEqual([]);
    expect(source.selected.map((f) => f.type)).toEqual(['repo-info', 'repo-info']);
  });

  it('keeps every evaluation but names every release changed when topics move the repo to a segment with the same rules', async () => {
    const { result } = await replay({
      stored: [release('v1', day('01T00')), repositoryTouched({ repo, topics: ['cloud'], at: day('01T00') })],
      added: [repositoryTouched({ repo, topics: ['ios'], at: day('20T00') })],
      before: day('19T00'),
      now: day('21T00'),
    });
    expect(result.evaluation.segment).toBe('ios');
    expect(result.changedReleases).toEqual(['v1']);
    expect(result.read).toEqual({ scope: 'changes' });
  });

  it('re-reads everything when topics move the repo to a segment with other rules', async () => {
    const { result } = await replay({
      stored: [release('v1', day('01T00')), repositoryTouched({ repo, topics: ['cloud'], at: day('01T00') })],
      added: [repositoryTouched({ repo, topics: ['ios'], at: day('20T00') })],
      before: day('19T00'),
      now: day('21T00'),
      config: 'overrides:\n  ios:\n    rollbackWindow: 3d\n',
    });
    expect(result.read).toEqual({ scope: 'all' });
  });
});

describe('reevaluateRepo falls back to reading everything', () => {
  const facts = ingestDeliveries([release('v1', day('01T00')), release('v2', day('10T00'))]).facts;
  const config = parseConfig({ text: '', file: 'shipwell.yml' });
  const previous = evaluateRepoState({ repo, facts, config, now: Date.parse(day('11T00')) });

  it.each<[string, Partial<Parameters<typeof reevaluateRepo>[0]>]>([
    ['without a previous evaluation', { previous: null }],
    ['when told every group changed', { changes: 'all' as const }],
    ['when time went back', { now: Date.parse(day('10T12')) }],
    ['under a config that evaluates differently', { config: parseConfig({ text: 'rollbackWindow: 3d\n', file: 'x' }) }],
    ['for an evaluation of another engine version', { previous: { ...previous, version: 0 } }],
  ])('%s', async (_, override) => {
    const source = recordingSource(facts);
    const result = await reevaluateRepo({
      repo,
      previous,
      changes: { groups: [] },
      source,
      config,
      now: Date.parse(day('12T00')),
      ...override,
    });
    expect(result.read).toEqual({ scope: 'all' });
    expect(source.everything).toBe(1);
    const now = override.now ?? Date.parse(day('12T00'));
    expect(result.evaluation).toStrictEqual(evaluateRepoState({ repo, facts, config: override.config ?? config, now }));
  });

  it('refuses a group that names no kind of fact', async () => {
    await expect(
      reevaluateRepo({
        repo,
        previous,
        changes: { groups: ['branch:main'] },
        source: createMemoryFactSource(facts),
        config,
        now: Date.parse(day('12T00')),
      }),
    ).rejects.toThrow('cannot re-evaluate acme/api: "branch:main" is not a group of facts');
  });
});

describe('a long history', () => {
  // Two years of a release every ten days, each with CI runs, deployments, coverage and a rollback label.
  const start = Date.parse('2024-03-01T00:00:00Z');
  const at = (ms: number): string => new Date(ms).toISOString();
  const history: WebhookDelivery[] = [];
  for (let i = 0; i < 73; i++) {
    const p = start + i * 10 * 86_400_000;
    const tag = `v${i}`;
    history.push(
      releasePublished({ repo, tag, publishedAt: at(p), commit: sha(tag) }),
      coverageReported({ repo, commit: sha(tag), covered: 80 + (i % 20), total: 100, completedAt: at(p - 3_600_000) }),
      deploy(2 * i + 1, sha(tag), 'main', at(p + 3_600_000)),
      deploymentSucceeded({
        repo,
        deploymentId: 2 * i + 2,
        commit: sha(tag),
        environment: 'staging',
        createdAt: at(p + 7_200_000),
        succeededAt: at(p + 7_200_000),
      }),
      labeled({
        repo,
        number: i + 1,
        label: i % 7 ? 'bug' : 'rollback',
        title: `Broken ${tag}`,
        at: at(p + 86_400_000),
      }),
    );
    for (let r = 0; r < 4; r++) {
      history.push(
        workflowRunCompleted({
          repo,
          runId: 100 * i + r,
          attempt: r === 3 ? 2 : 1,
          commit: sha(tag),
          startedAt: at(p + (r - 2) * 3 * 86_400_000),
        }),
      );
    }
  }
  const last = start + 72 * 10 * 86_400_000;

  it('reads only the facts since the latest release and what names its commit', async () => {
    const { result, source } = await replay({
      stored: history,
      added: [run(sha('v71'), at(last + 86_400_000), { attempt: 2 })],
      before: at(last + 3_600_000 * 12),
      now: at(last + 2 * 86_400_000),
    });
    const cut = last + 86_400_000;
    expect(result.read).toEqual({ scope: 'since', since: cut, chainsSince: last });
    const stored = ingestDeliveries(history).facts.length;
    expect(source.everything).toBe(0);
    expect(source.selected.length).toBeLessThan(stored / 50);
    for (const fact of source.selected) {
      const { lastAt, sha: named, group } = factIndexFields(fact);
      const why =
        fact.type === 'repo-info' ||
        (lastAt !== null && lastAt >= cut) ||
        (lastAt !== null && lastAt >= last && (group.startsWith('deployment:') || group.startsWith('coverage:'))) ||
        named === sha('v72') ||
        source.ranged()!.groups.includes(group);
      expect(why, `${group} read`).toBe(true);
    }
  });
});
