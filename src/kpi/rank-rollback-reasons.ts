import type { RollbackReasonCount } from '../report/types.ts';
import type { Rollback } from './types.ts';

/** Every reason of the given first rollbacks, ranked, and how many of them gave none. */
export interface RankedRollbackReasons {
  /** Grouped by trimmed, case-insensitive text, shown with the group's earliest text; by count, then text. */
  ranked: RollbackReasonCount[];
  /** First rollbacks whose reason is null or blank (docs/kpis.md, "Top rollback reasons"). */
  withoutReason: number;
}

/**
 * The reasons of the given first rollbacks, one per rolled-back release
 * (docs/kpis.md, "Rollbacks"), all of them in the contract's order: grouped
 * by trimmed, case-insensitive text (blank = none, counted apart), shown with
 * the text of the group's earliest rollback, by count then text. The order of
 * `firstRollbacks` does not matter.
 */
export function rankRollbackReasons({
  firstRollbacks,
}: {
  firstRollbacks: readonly Pick<Rollback, 'at' | 'reason'>[];
}): RankedRollbackReasons {
  const groups = new Map<string, { text: string; at: number; count: number }>();
  let withoutReason = 0;
  for (const first of firstRollbacks) {
    const text = first.reason?.trim();
    if (!text) {
      withoutReason++;
      continue;
    }
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
  const ranked = [...groups.values()]
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map(({ text, count }) => ({ reason: text, count }));
  return { ranked, withoutReason };
}
