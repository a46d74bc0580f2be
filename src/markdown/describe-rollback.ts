import type { RollbackSignal } from '../config/types.ts';
import type { RollbackReport } from '../report/types.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { formatNumber } from './format-number.ts';
import { formatTime } from './format-time.ts';
import { shortenText } from './shorten-text.ts';

/** Longest rollback reason shown, before escaping. */
const MAX_REASON = 200;

const SIGNAL_TEXT: Record<RollbackSignal, string> = {
  redeploy: 'redeploy of an older release',
  retracted: 'release retracted',
  workflow: 'rollback workflow',
  label: 'rollback label',
  'revert-pr': 'revert PR',
  recorded: 'recorded rollback',
};

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
  return `${formatTime(rollback.at)}, ${SIGNAL_TEXT[rollback.signal] ?? escapeMarkdown(rollback.signal)}${took}${reason}`;
}
