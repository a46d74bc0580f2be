import type { RollbackReasonCount } from '../report/types.ts';
import type { Rollback } from './types.ts';

/**
 * The most frequent reasons among the given first rollbacks, one per
 * rolled-back release (kpis.md §3): grouped by trimmed, case-insensitive text
 * (blank = none, not listed), shown with the text of the group's earliest
 * rollback, by count then text. The order of `firstRollbacks` does not matter.
 */
export function topRollbackReasons({
  firstRollbacks,
  limit = 3,
}: {
  firstRollbacks: readonly Pick<Rollback, 'at' | 'reason'>[];
  limit?: number;
}): RollbackReasonCount[] {
  const groups = new Map<string, { text: string; at: number; count: number }>();
  for (const first of firstRollbacks) {
    const text = first.reason?.trim();
    if (!text) continue;
    const key = text.toLowerCase();
    const group = groups.get(key);
    if (!group) groups.set(key, { text, at: first.at, count: 1 });
    else {
      group.count++;
      if (first.at < group.at || (first.at === group.at && text < group.text)) {
        group.at = first.at;
        group.text = text;
      }
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .slice(0, limit)
    .map(({ text, count }) => ({ reason: text, count }));
}
