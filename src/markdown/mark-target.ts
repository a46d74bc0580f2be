/** ` ✅` when on target, ` ⚠️` when off, nothing when there is no target or no number. */
export function markTarget(onTarget: boolean | null | undefined): string {
  if (onTarget === true) return ' ✅';
  if (onTarget === false) return ' ⚠️';
  return '';
}
