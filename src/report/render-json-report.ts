import type { Report } from './types.ts';

/** The JSON report as the CLI prints it and the Action writes it: two-space indented, one trailing newline. */
export function renderJsonReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
