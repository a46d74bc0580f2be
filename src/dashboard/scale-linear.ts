/**
 * Maps a value of `domain` onto `range` linearly (SVG y grows downwards, so a
 * y scale's range is [bottom, top]). Values outside the domain are clamped.
 */
export function scaleLinear({
  domain: [d0, d1],
  range: [r0, r1],
}: {
  domain: readonly [number, number];
  range: readonly [number, number];
}): (value: number) => number {
  const span = d1 - d0;
  return (value) => {
    if (!(span > 0)) return r0;
    const t = Math.min(1, Math.max(0, (value - d0) / span));
    return Math.round((r0 + t * (r1 - r0)) * 10) / 10;
  };
}
