import type { SegmentRules } from '../config/types.ts';
import { DAY, type Instant } from '../time/index.ts';
import type { AlertEvaluation, PatchSettlement } from './types.ts';

/**
 * How one alert stands at `now` (docs/kpis.md, "Security-patch coverage"), from its observations known at
 * `now` (reduceAlert). Settles once: in SLA at its first fix when that is by
 * the due time, else breached at due. An alert dismissed by its due time and
 * still dismissed is excluded; a late dismissal stays breached.
 */
export function settleAlert({
  repo,
  segment,
  alert,
  rules,
  now,
}: {
  repo: string;
  segment: string;
  alert: AlertEvaluation;
  rules: Pick<SegmentRules, 'patches'>;
  now: Instant;
}): PatchSettlement {
  const sla = alert.severity ? rules.patches.sla[alert.severity] : 7 * DAY;
  const due = alert.openedAt + sla;

  let fix = alert.firstFixAt;
  const dismissal = alert.firstDismissalAt;
  if (rules.patches.dismissedAsFixed && dismissal !== null) fix = fix === null ? dismissal : Math.min(fix, dismissal);
  if (fix !== null && fix > now) fix = null;

  const base = { repo, number: alert.number, segment, severity: alert.severity, openedAt: alert.openedAt, due };
  const openPastDue = alert.state === 'open' && due < now;
  if (fix !== null && fix <= due) {
    return { ...base, outcome: 'in-sla', settledAt: fix, fixedAt: fix, openPastDue };
  }
  if (!rules.patches.dismissedAsFixed && alert.dismissedAt !== null && alert.dismissedAt <= due) {
    return { ...base, outcome: 'excluded', settledAt: null, fixedAt: null, openPastDue: false };
  }
  if (due <= now) {
    return { ...base, outcome: 'breached', settledAt: due, fixedAt: fix, openPastDue };
  }
  return { ...base, outcome: 'pending', settledAt: null, fixedAt: fix, openPastDue };
}
