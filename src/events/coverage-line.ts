/**
 * The coverage line of a `shipwell/coverage` check run summary (docs/kpis.md, "Facts and where they come from").
 * The Action prints it; the webhook normalizer and the REST collector read
 * it back. Printer and parser live together so they cannot drift apart.
 */
export interface LineCoverage {
  covered: number;
  total: number;
}

/** The name of the check run that carries a commit's coverage. */
export const COVERAGE_CHECK = 'shipwell/coverage';

const LINE = /^Lines: (\d+)\/(\d+)(?!\d)/;

/** `Lines: 812/1000 (81.2%)`; the percentage (rounded half up) is for people, the parser ignores it. */
export function printCoverageLine({ covered, total }: LineCoverage): string {
  if (total === 0) return `Lines: ${covered}/${total}`;
  const percent = Math.round((covered * 1000) / total) / 10;
  return `Lines: ${covered}/${total} (${percent.toFixed(1)}%)`;
}

/**
 * The first line of `summary` that starts with `Lines: COVERED/TOTAL` decides;
 * null when there is none, or when that line is not a coverage (covered >
 * total, or numbers too large to be exact).
 */
export function parseCoverageSummary(summary: string): LineCoverage | null {
  for (const line of summary.split(/\r\n|\r|\n/)) {
    const match = LINE.exec(line);
    if (!match) continue;
    const covered = Number(match[1]);
    const total = Number(match[2]);
    if (!Number.isSafeInteger(covered) || !Number.isSafeInteger(total) || covered > total) return null;
    return { covered, total };
  }
  return null;
}
