import { formatNumber, formatTime } from '../markdown/index.ts';
import type { RollbackReport } from '../report/types.ts';

/** A rollback as plain text (escape before use): `2026-03-03 09:04 UTC · redeploy · 4.5 min · “reason”`; `—` for none. */
export function describeReleaseRollback(rollback: RollbackReport | null): string {
  if (rollback === null) return '—';
  const parts = [formatTime(rollback.at), rollback.signal];
  if (rollback.durationMinutes !== null) parts.push(formatNumber({ value: rollback.durationMinutes, unit: 'min' }));
  const reason = rollback.reason?.trim();
  if (reason) parts.push(`“${reason}”`);
  return parts.join(' · ');
}
