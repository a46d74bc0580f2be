// Synthetic, realistic fact streams for the KPI benchmark: releases every few
// days per repo, deployments and workflow runs around them, coverage, labels
// and Dependabot alerts, spread over 5,000 repos in 3 segments.
import type { Fact } from '../../src/events/types.ts';
import { createRandom } from '../../test/support/create-random.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const random = createRandom;

function hex(n: number): string {
  return n.toString(16).padStart(40, '0');
}

/** About `count` facts across `repos` repositories ending before `now`. */
export function syntheticFacts({ count, repos, now }: { count: number; repos: number; now: number }): Fact[] {
  const rand = random(42);
  const facts: Fact[] = [];
  const topics = [['cloud'], ['ios'], ['on-prem']];
  for (let r = 0; r < repos; r++) {
    facts.push({
      type: 'repo-info',
      repo: `org/repo-${r}`,
      origin: `info-${r}`,
      topics: topics[r % 3]!,
      customProperties: null,
      observedAt: null,
    });
  }
  const perRepo = Math.max(1, Math.floor(count / repos));
  // Each release brings ~20 facts; spread releases over the last 120 days.
  const releasesPerRepo = Math.max(1, Math.floor(perRepo / 20));
  let serial = 0;
  for (let r = 0; facts.length < count && r < repos; r++) {
    const repo = `org/repo-${r}`;
    const gap = (120 * DAY) / releasesPerRepo;
    for (let i = 0; i < releasesPerRepo && facts.length < count; i++) {
      const publishedAt = now - 120 * DAY + i * gap + Math.floor(rand() * HOUR);
      const tag = `v1.${i}.0`;
      const sha = hex(++serial);
      const origin = `d-${serial}`;
      facts.push({
        type: 'release',
        repo,
        origin,
        tag,
        name: i % 17 === 0 ? `hotfix ${tag}` : tag,
        publishedAt,
        draft: false,
        prerelease: false,
      });
      facts.push({ type: 'release-sha', repo, origin, tag, sha, via: 'target' });
      facts.push({
        type: 'coverage',
        repo,
        origin: `${origin}c`,
        checkRunId: serial,
        sha,
        covered: 700 + Math.floor(rand() * 300),
        total: 1000,
        at: publishedAt - HOUR,
      });
      for (let d = 0; d < 4; d++) {
        const at = publishedAt + d * 6 * HOUR;
        const state = rand() < 0.9 ? 'success' : 'failure';
        const deployedSha = rand() < 0.05 && i > 0 ? hex(serial - 1) : sha;
        for (const s of ['in_progress', state]) {
          facts.push({
            type: 'deployment-status',
            repo,
            origin: `${origin}d${d}${s}`,
            deploymentId: serial * 10 + d,
            state: s,
            statusCreatedAt: at + (s === state ? 5 * 60_000 : 0),
            environment: d % 2 ? 'staging' : 'production',
            sha: deployedSha,
            ref: 'main',
            deploymentCreatedAt: at,
            creator: { login: 'deployer', isBot: rand() < 0.7 },
            viaWorkflow: rand() < 0.8,
          });
        }
      }
      for (let w = 0; w < 6; w++) {
        const at = publishedAt - 2 * HOUR + w * HOUR;
        facts.push({
          type: 'workflow-run',
          repo,
          origin: `${origin}w${w}`,
          runId: serial * 10 + w,
          attempt: rand() < 0.1 ? 2 : 1,
          name: w === 5 && rand() < 0.05 ? 'Rollback' : 'CI',
          event: rand() < 0.1 ? 'workflow_dispatch' : 'push',
          conclusion: 'success',
          headSha: sha,
          headBranch: 'main',
          startedAt: at,
          updatedAt: at + 10 * 60_000,
          displayTitle: 'CI',
        });
      }
      facts.push({
        type: 'approval',
        repo,
        origin: `${origin}a`,
        runId: serial * 10,
        attempt: 1,
        approver: 'lead',
        byBot: false,
        sha,
        ref: 'main',
        at: publishedAt,
      });
      if (rand() < 0.1) {
        facts.push({
          type: 'label',
          repo,
          origin: `${origin}l`,
          number: serial,
          label: 'rollback',
          title: `Roll back ${tag}`,
          body: null,
          at: publishedAt + DAY,
        });
      }
      for (let a = 0; a < 2; a++) {
        const createdAt = publishedAt + a * DAY;
        const fixed = rand() < 0.8;
        const fixedAt = fixed ? createdAt + Math.floor(rand() * 10 * DAY) : null;
        facts.push({
          type: 'alert',
          repo,
          origin: `${origin}al${a}`,
          number: serial * 2 + a,
          state: fixed ? 'fixed' : 'open',
          severity: 'high',
          createdAt,
          updatedAt: fixedAt ?? createdAt,
          fixedAt,
          dismissedAt: null,
          autoDismissedAt: null,
        });
      }
    }
  }
  return facts;
}
