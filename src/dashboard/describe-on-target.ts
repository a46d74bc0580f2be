/** `on target`, `off target`, or `—` (no target set, or no number to judge). */
export function describeOnTarget(verdict: boolean | null | undefined): string {
  if (verdict === true) return 'on target';
  if (verdict === false) return 'off target';
  return '—';
}
