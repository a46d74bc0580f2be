// SQL injection (docs/security.md): repository names, tags, delivery ids,
// config scopes and worker names come from webhook payloads and headers, so
// hostile ones go through every store operation that takes them, on SQLite
// and on a real PostgreSQL. Each is stored and read back verbatim, matches
// only itself (no wildcard, no quote escape), and every table survives.

import { afterAll, describe, expect, it } from 'vitest';
import { type Fact, locateDelivery, normalizeDelivery, type WebhookDelivery } from '../../src/events/index.ts';
import { factContentKey } from '../../src/kpi/index.ts';
import { applyMigrations } from '../../src/store/index.ts';
import { MINUTE } from '../../src/time/index.ts';
import { webhookDelivery } from '../events/load-webhook.ts';
import { type Backend, postgresBackend, sqliteBackend } from '../store/backends.ts';
import { keptFacts } from '../store/kept-facts.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');

/** Owners and names an attacker could choose (GitHub forbids most of them: the store must not rely on that). */
const HOSTILE = [
  "x'); DROP TABLE deliveries; --",
  "Robert'); DELETE FROM facts WHERE ('1'='1",
  '" OR 1=1 --',
  "' OR ''='",
  '%',
  '_',
  '\\',
  '$1',
  '?',
  "';SELECT pg_sleep(5);--",
  '--',
  '/*',
  '😀ünï',
];

function delivery({ id, repo, tag }: { id: string; repo: string; tag: string }): WebhookDelivery {
  const [owner, name] = [repo.slice(0, repo.indexOf('/')), repo.slice(repo.indexOf('/') + 1)];
  return webhookDelivery('release.published', {
    id,
    at: '2026-03-01T10:00:00Z',
    overrides: {
      repository: { full_name: repo, name, owner: { login: owner } },
      release: { tag_name: tag, published_at: '2026-03-01T10:00:00Z' },
      installation: { id: 7 },
    },
  });
}

const sortFacts = (facts: Fact[]) => facts.map((f) => `${factContentKey(f)} ${f.origin}`).sort();

const backends: Backend[] = [sqliteBackend(), postgresBackend()];
afterAll(async () => {
  for (const backend of backends) await backend.stop();
});

describe.each(backends)('hostile names through the store on $name', (backend) => {
  it('are data, never SQL: stored and read back verbatim, matching only themselves', async () => {
    const { store, db } = await backend.open();
    const cases = HOSTILE.map((text, i) => ({
      id: `${text}#${i}`,
      repo: `${text}/${text}`,
      tag: `v1.0.${i}${text}`,
    }));
    // a bystander whose data must be untouched and unreachable through a wildcard
    const bystander = { id: 'plain-1', repo: 'acme/api', tag: 'v9.9.9' };
    for (const c of [...cases, bystander]) {
      const d = delivery(c);
      const received = { id: d.id, name: d.name, at: d.at!, payloadText: JSON.stringify(d.payload), receivedAt: T0 };
      expect(await store.inbox.record(received)).toBe(true);
      // the same hostile id again is a duplicate, not a second row
      expect(await store.inbox.record(received)).toBe(false);
    }
    const worker = "w'); DROP TABLE repos; --";
    const claimed = await store.deliveries.claim({ worker, now: T0, lease: MINUTE, limit: 100 });
    expect(claimed.map((c) => c.delivery.id).sort()).toEqual([...cases, bystander].map((c) => c.id).sort());
    const done = await store.transaction(async (tx) => {
      const marked = await tx.deliveries.complete({
        worker,
        now: T0 + 1,
        deliveries: claimed.map((c) => ({ id: c.delivery.id, location: locateDelivery(c.delivery.payload) })),
      });
      await tx.facts.write({ facts: claimed.flatMap((c) => normalizeDelivery(c.delivery).facts ?? []) });
      await tx.evaluations.request({ repos: [...cases, bystander].map((c) => c.repo), now: T0 + 1 });
      return marked;
    });
    expect(done.size).toBe(cases.length + 1);

    for (const c of cases) {
      const expected = normalizeDelivery(delivery(c)).facts ?? [];
      expect(sortFacts(await store.facts.read({ repo: c.repo }))).toEqual(sortFacts(keptFacts(expected)));
      const [listed] = await store.log.list({ org: c.repo.slice(0, c.repo.indexOf('/')), limit: 10 });
      expect(listed).toMatchObject({ id: c.id, location: { repo: c.repo }, status: 'processed' });
      expect([...(await store.redeliveries.storedIds({ ids: [c.id] }))]).toEqual([c.id]);
      // per-release state keyed by hostile repo and tag
      await store.timers.set({ repo: c.repo, tag: c.tag, dueAt: T0 + 5 });
      const verdict = { tag: c.tag, hash: `h'${c.tag}`, status: 'pending', windowEnd: T0, body: c.tag, publish: true };
      expect((await store.verdicts.save({ repo: c.repo, verdicts: [verdict], now: T0 })).waiting).toEqual([c.tag]);
      await store.configs.save({ scope: c.repo, value: { segment: c.tag }, error: null, readAt: T0 });
      expect(await store.configs.read({ scope: c.repo })).toMatchObject({ scope: c.repo, value: { segment: c.tag } });
    }
    const pending = await store.verdicts.claim({ worker, now: T0, lease: MINUTE, limit: 100 });
    expect(pending.map((p) => `${p.repo} ${p.tag} ${p.body}`).sort()).toEqual(
      cases.map((c) => `${c.repo} ${c.tag} ${c.tag}`).sort(),
    );
    const fired = await store.timers.fire({ now: T0 + 10 });
    expect(fired.map((t) => `${t.repo} ${t.tag}`).sort()).toEqual(cases.map((c) => `${c.repo} ${c.tag}`).sort());

    // a wildcard or quote matches only a repository of that literal name
    const percent = await store.facts.read({ org: '%' });
    expect(percent.length).toBeGreaterThan(0);
    expect(percent.every((f) => f.repo === '%/%')).toBe(true);
    expect((await store.repos.list({ org: '_' })).map((r) => r.repo)).toEqual(['_/_']);
    expect(await store.facts.read({ org: "' OR 1=1 --" })).toEqual([]);
    expect(await store.facts.read({ repo: "acme/api' OR '1'='1" })).toEqual([]);
    expect((await store.facts.read({ repo: 'acme/api' })).every((f) => f.repo === 'acme/api')).toBe(true);
    expect((await store.facts.read({ repo: 'acme/api' })).length).toBeGreaterThan(0);

    // every table is still there, with every row
    expect(await applyMigrations({ db, now: T0 })).toEqual([]);
    const [deliveries] = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM deliveries');
    expect(Number(deliveries?.n)).toBe(cases.length + 1);
    const [facts] = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM fact_rows');
    expect(Number(facts?.n)).toBeGreaterThan(cases.length);
  }, 60_000);
});
