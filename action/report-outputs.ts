import { ALL_SEGMENTS } from '../src/kpi/index.ts';
import type { Report } from '../src/report/types.ts';

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/**
 * The step outputs of a report (docs/report.md): the status and coverage of
 * the release in question (the event's or the `release` input's; empty when
 * none), and the current period's counts and patch coverage for this repo.
 */
export function reportOutputs({
  report,
  repo,
  tag,
  path,
}: {
  report: Report;
  repo: string;
  tag: string | null;
  path: string;
}): Record<string, string> {
  const release = tag === null ? undefined : report.releases.find((r) => r.repo === repo && r.tag === tag);
  const current = report.segments.find((s) => s.name === ALL_SEGMENTS)?.periods.find((p) => p.current);
  return {
    status: release?.status ?? '',
    'well-packaged': text(current?.wellPackaged ?? 0),
    releases: text(current?.releases ?? 0),
    pending: text(current?.pending ?? 0),
    'patch-coverage': text(current?.patchCoverage),
    coverage: text(release?.coverage),
    report: path,
  };
}
