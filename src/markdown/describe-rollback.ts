import type { RollbackReport } from '../report/types.ts';
import { describeSignal } from './describe-signal.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { formatNumber } from './format-number.ts';
import { formatTime } from './format-time.ts';
import { shortenText } from './shorten-text.ts';

/** Longest rollback reason shown, before escaping. */
const MAX_REASON = 200;

/**
 * One rollback as inline Markdown, safe in a table cell:
 * `2026-03-03 10:00 UTC, redeploy of an older release (took 4.5 min): “payment errors”`.
 */
export function describeRollback(rollback: RollbackReport): string {
  const took =
    rollback.durationMinutes === null
      ? ''
      : ` (took ${formatNumber({ value: rollback.durationMinutes, unit: 'min' })})`;
  const text = rollback.reason?.trim();
  const reason = text ? `: “${escapeMarkdown(shortenText({ text, max: MAX_REASON }))}”` : '';
  return `${formatTime(rollback.at)}, ${describeSignal(rollback.signal)}${took}${reason}`;
}
