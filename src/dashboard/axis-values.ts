/** Grid values from 0 to `max`: every whole number up to 5, else six evenly spaced ones. */
export function axisValues({ max }: { max: number }): number[] {
  if (max <= 5 && Number.isInteger(max)) return Array.from({ length: max + 1 }, (_, i) => i);
  return Array.from({ length: 6 }, (_, i) => Math.round(((max * i) / 5) * 100) / 100);
}
