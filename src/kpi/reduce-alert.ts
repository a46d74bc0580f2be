import type { AlertFact } from '../events/types.ts';
import type { Instant } from '../time/index.ts';
import type { AlertEvaluation } from './types.ts';

/** The newer observation: by `updated_at`, then origin, so arrival order never matters. */
function newest(a: AlertFact, b: AlertFact): AlertFact {
  return b.updatedAt > a.updatedAt || (b.updatedAt === a.updatedAt && b.origin > a.origin) ? b : a;
}

function minOf(a: Instant | null, b: Instant | null): Instant | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * One alert from every observation of it known at `now` (docs/kpis.md,
 * "Security-patch coverage"): the
 * newest observation gives its state; opening, first fix and first dismissal
 * are the earliest ever seen. A severity we do not know on the newest
 * observation is taken from the newest one that names one. Nothing here
 * depends on `now`: settleAlert decides at any later `now`.
 */
export function reduceAlert(observations: readonly AlertFact[]): AlertEvaluation {
  let current = observations[0]!;
  let rated: AlertFact | null = null;
  let firstFixAt: Instant | null = null;
  let firstDismissalAt: Instant | null = null;
  let openedAt = current.createdAt;
  for (const o of observations) {
    current = newest(current, o);
    if (o.severity !== null) rated = rated === null ? o : newest(rated, o);
    openedAt = Math.min(openedAt, o.createdAt);
    firstFixAt = minOf(firstFixAt, o.fixedAt);
    firstDismissalAt = minOf(firstDismissalAt, minOf(o.dismissedAt, o.autoDismissedAt));
  }
  const dismissedNow = current.state === 'dismissed' || current.state === 'auto_dismissed';
  const dismissedAt = dismissedNow
    ? ((current.state === 'dismissed' ? current.dismissedAt : current.autoDismissedAt) ??
      minOf(current.dismissedAt, current.autoDismissedAt) ??
      current.updatedAt)
    : null;
  return {
    number: current.number,
    openedAt,
    severity: current.severity ?? rated?.severity ?? null,
    state: current.state,
    dismissedAt,
    firstFixAt,
    firstDismissalAt: minOf(firstDismissalAt, dismissedAt),
  };
}
