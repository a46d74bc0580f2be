import type { SegmentRules } from '../config/types.ts';
import type { AlertFact } from '../events/types.ts';
import { DAY, type Instant } from '../time/index.ts';
import type { PatchSettlement } from './types.ts';

function newest(a: AlertFact, b: AlertFact): AlertFact {
  return b.updatedAt > a.updatedAt || (b.updatedAt === a.updatedAt && b.origin > a.origin) ? b : a;
}

function minOf(a: Instant | null, b: Instant | null): Instant | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * How one alert stands at `now` (kpis.md §6), from every observation of it
 * known at `now`. Settles once: in SLA at its first fix when that is by the
 * due time, else breached at due. An alert dismissed by its due time and still
 * dismissed is excluded; a late dismissal stays breached.
 */
export function settleAlert({
  repo,
  segment,
  observations,
  rules,
  now,
}: {
  repo: string;
  segment: string;
  observations: readonly AlertFact[];
  rules: Pick<SegmentRules, 'patches'>;
  now: Instant;
}): PatchSettlement {
  let current = observations[0]!;
  let rated: AlertFact | null = null;
  let firstFix: Instant | null = null;
  let firstDismissal: Instant | null = null;
  let openedAt = current.createdAt;
  for (const o of observations) {
    current = newest(current, o);
    if (o.severity !== null) rated = rated === null ? o : newest(rated, o);
    openedAt = Math.min(openedAt, o.createdAt);
    firstFix = minOf(firstFix, o.fixedAt);
    firstDismissal = minOf(firstDismissal, minOf(o.dismissedAt, o.autoDismissedAt));
  }
  // A severity we do not know on the newest observation: the newest one that names one.
  const severity = current.severity ?? rated?.severity ?? null;
  const sla = severity ? rules.patches.sla[severity] : 7 * DAY;
  const due = openedAt + sla;

  const dismissedNow = current.state === 'dismissed' || current.state === 'auto_dismissed';
  const dismissedAt = dismissedNow
    ? ((current.state === 'dismissed' ? current.dismissedAt : current.autoDismissedAt) ??
      minOf(current.dismissedAt, current.autoDismissedAt) ??
      current.updatedAt)
    : null;

  let fix = firstFix;
  if (rules.patches.dismissedAsFixed) fix = minOf(fix, minOf(firstDismissal, dismissedAt));
  if (fix !== null && fix > now) fix = null;

  const base = { repo, number: current.number, segment, openedAt, due };
  const openPastDue = current.state === 'open' && due < now;
  if (fix !== null && fix <= due) {
    return { ...base, outcome: 'in-sla', settledAt: fix, fixedAt: fix, openPastDue };
  }
  if (!rules.patches.dismissedAsFixed && dismissedAt !== null && dismissedAt <= due) {
    return { ...base, outcome: 'excluded', settledAt: null, fixedAt: null, openPastDue: false };
  }
  if (due <= now) {
    return { ...base, outcome: 'breached', settledAt: due, fixedAt: fix, openPastDue };
  }
  return { ...base, outcome: 'pending', settledAt: null, fixedAt: fix, openPastDue };
}
