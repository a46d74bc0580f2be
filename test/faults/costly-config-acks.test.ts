// No report work runs on the thread that answers webhooks long enough to
// delay an acknowledgement (issue #12). The real App (SQLite, worker inline:
// everything else on one thread) holds an org whose accepted but costly
// config (300 rollback-workflow patterns against 10,000 workflow runs: a few
// seconds of matching) makes its report slow; while that report is computed
// for the API, signed deliveries keep being acknowledged at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/events/index.ts';
import { type Harness, SECRET, startHarness, TOKEN } from '../app/app-harness.ts';
import { type FakeGitHub, startFakeGitHub } from '../app/fake-github.ts';
import { sendDelivery } from '../app/signed-delivery.ts';

let github: FakeGitHub;
let harness: Harness;
beforeAll(async () => {
  github = await startFakeGitHub();
  // as in production: jobs and reports on their own threads
  harness = await startHarness({ github, worker: 'thread' });
});
afterAll(async () => {
  await harness?.stop();
  await github?.close();
});

const ORG = 'Codertocat';
const HOUR = 3_600_000;

function costlyOrg(now: number): Fact[] {
  const facts: Fact[] = [];
  for (let r = 0; r < 10; r++) {
    const repo = `${ORG}/service-${r}`;
    for (let i = 0; i < 20; i++) {
      const tag = `v1.${i}.0`;
      facts.push({
        type: 'release',
        repo,
        origin: `r${r}-${i}`,
        tag,
        name: tag,
        publishedAt: now - (i + 1) * 24 * HOUR,
        draft: false,
        prerelease: false,
      });
    }
    for (let w = 0; w < 1000; w++) {
      facts.push({
        type: 'workflow-run',
        repo,
        origin: `w${r}-${w}`,
        runId: r * 10_000 + w,
        attempt: 1,
        name: `deploy service number ${w} to the production cluster`,
        event: 'push',
        conclusion: 'success',
        headSha: 'a'.repeat(40),
        headBranch: 'main',
        startedAt: now - w * HOUR,
        updatedAt: now - w * HOUR + 60_000,
        displayTitle: 'CI',
      });
    }
  }
  return facts;
}

describe('acknowledgements while a costly report is computed', () => {
  it('keep coming at once: the report is computed off the answering thread', async () => {
    const now = Date.now();
    const store = harness.app.store;
    const facts = costlyOrg(now);
    await store.transaction(async (tx) => {
      await tx.facts.write({ facts });
      await tx.evaluations.request({ repos: [...new Set(facts.map((f) => f.repo))], now });
    });
    const workflows = Array.from({ length: 300 }, (_, i) => `/(roll|back|undo)+.*x${i}(y|z)*$/i`);
    await store.configs.save({ scope: ORG, value: { rollback: { workflows } }, error: null, readAt: now });

    // a first delivery: connections and statements warm, as in a running App
    const warm = { zen: 'warm', hook_id: 0 };
    expect(
      (await sendDelivery({ url: harness.webhookUrl, id: 'ping-0', name: 'ping', payload: warm, secret: SECRET }))
        .status,
    ).toBe(200);

    let reportDone = 0;
    const report = fetch(harness.url(`/shipwell/api/report?org=${ORG}`), {
      headers: { authorization: `Bearer ${TOKEN}` },
    }).then(async (response) => {
      reportDone = performance.now();
      return { status: response.status, body: (await response.json()) as { releases: unknown[] } };
    });
    const acks: { sent: number; answered: number; status: number }[] = [];
    let n = 0;
    while (reportDone === 0) {
      const sent = performance.now();
      n += 1;
      const response = await sendDelivery({
        url: harness.webhookUrl,
        id: `ping-${n}`,
        name: 'ping',
        payload: { zen: 'Keep it logically awesome.', hook_id: n },
        secret: SECRET,
      });
      acks.push({ sent, answered: performance.now(), status: response.status });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { status, body } = await report;
    expect(status).toBe(200);
    expect(body.releases).toHaveLength(200);
    expect(acks.every((a) => a.status === 200)).toBe(true);
    // answered while the report was still being computed (on the answering thread none could be),
    // each well within GitHub's 10 s (the bound leaves room for a machine shared with other work)
    const during = acks.filter((a) => a.answered < reportDone);
    expect(during.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...during.map((a) => a.answered - a.sent))).toBeLessThan(2_500);
  }, 60_000);
});
