// A release's sha when its tag moved (docs/kpis.md, "A moved tag"): several
// pushes of one tag take the push with the latest repository.pushed_at
// (ties: the greatest sha); two 40-hex target_commitish values take the
// greatest. Never the order of the lines or which delivery id is greater.
import { describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../../src/events/index.ts';
import { releasePublished, sha, tagPushed } from './deliveries.ts';
import { releaseOf, reportOf } from './report-of.ts';

const repo = 'acme/api';
const now = '2026-03-20T00:00:00Z';
const release = releasePublished({ repo, tag: 'v1.1.0', publishedAt: '2026-03-02T10:00:00Z' });
const seconds = (iso: string) => Date.parse(iso) / 1000;

/** The sha the report gives v1.1.0, for the deliveries in every order and with ids swapped. */
function shaOf(deliveries: WebhookDelivery[]): string | null {
  // the same deliveries with their ids swapped within each event: which id is greater must not matter
  const swapped = deliveries.map((d) => {
    const same = deliveries.filter((other) => other.name === d.name);
    return { ...d, id: same.at(-1 - same.indexOf(d))!.id };
  });
  const variants = [deliveries, [...deliveries].reverse(), swapped, [...swapped].reverse()];
  const shas = variants.map((list) => releaseOf(reportOf({ deliveries: list, now }), 'v1.1.0').sha);
  expect(new Set(shas).size).toBe(1);
  return shas[0]!;
}

describe('a moved tag', () => {
  it('follows the push with the latest repository.pushed_at', () => {
    const first = tagPushed({ repo, tag: 'v1.1.0', commit: sha('z-first'), pushedAt: seconds('2026-03-02T09:00:00Z') });
    const moved = tagPushed({ repo, tag: 'v1.1.0', commit: sha('a-moved'), pushedAt: seconds('2026-03-02T09:30:00Z') });
    expect(shaOf([release, first, moved])).toBe(sha('a-moved'));
  });

  it('takes the greatest sha when two pushes carry the same pushed_at', () => {
    const at = seconds('2026-03-02T09:00:00Z');
    const a = tagPushed({ repo, tag: 'v1.1.0', commit: sha('a'), pushedAt: at });
    const b = tagPushed({ repo, tag: 'v1.1.0', commit: sha('b'), pushedAt: at });
    expect(shaOf([release, a, b])).toBe(sha('b'));
  });

  it('prefers a push that says when it happened over one that does not', () => {
    const timed = tagPushed({ repo, tag: 'v1.1.0', commit: sha('a'), pushedAt: seconds('2026-03-02T09:00:00Z') });
    const untimed = tagPushed({ repo, tag: 'v1.1.0', commit: sha('b'), pushedAt: null });
    expect(shaOf([release, timed, untimed])).toBe(sha('a'));
  });

  it('takes the greatest of two 40-hex target_commitish values, and prefers it over any push', () => {
    const one = releasePublished({ repo, tag: 'v1.1.0', publishedAt: '2026-03-02T10:00:00Z', commit: sha('c') });
    const two = releasePublished({ repo, tag: 'v1.1.0', publishedAt: '2026-03-02T10:00:00Z', commit: sha('d') });
    const push = tagPushed({ repo, tag: 'v1.1.0', commit: sha('e'), pushedAt: seconds('2026-03-02T11:00:00Z') });
    expect(shaOf([one, two, push])).toBe(sha('d'));
  });
});
