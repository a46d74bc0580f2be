import type { RollbackSignal } from '../config/types.ts';

const SIGNAL_TEXT: Record<RollbackSignal, string> = {
  redeploy: 'redeploy of an older release',
  retracted: 'release retracted',
  workflow: 'rollback workflow',
  label: 'rollback label',
  'revert-pr': 'revert PR',
  recorded: 'recorded rollback',
};

/** A rollback signal in words: `redeploy of an older release`, `revert PR`. */
export function describeSignal(signal: RollbackSignal): string {
  return SIGNAL_TEXT[signal] ?? 'rollback';
}
