/** The smallest "round" axis maximum (1, 2, 2.5, 5 × 10^k) at or above `value`; at least `min`. */
export function niceCeiling({ value, min = 1 }: { value: number; min?: number }): number {
  const v = Math.max(value, min);
  const power = 10 ** Math.floor(Math.log10(v));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= v) return step * power;
  }
  return 10 * power;
}
