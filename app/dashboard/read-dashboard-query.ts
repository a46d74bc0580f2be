import { z } from 'zod';
import { readQuery } from '../routes/read-query.ts';

const segmentSchema = z
  .string()
  .min(1, 'expected a segment name (e.g. segment=cloud)')
  .max(200, 'expected a segment name of at most 200 characters');

export interface DashboardQuery {
  org: string | undefined;
  segment: string;
  /** The instant asked for, and its text as written (kept in the page's links). */
  now: { instant: number; text: string } | undefined;
}

/**
 * The dashboard's query: `org` and `now` validated as the API validates them,
 * plus `segment` (default `all`). Every problem is listed in `error`.
 */
export function readDashboardQuery(
  params: URLSearchParams,
): { ok: true; query: DashboardQuery } | { ok: false; error: string } {
  const read = readQuery({ params });
  const problems = read.ok ? [] : [read.error];
  const raw = params.get('segment');
  const segment = raw === null ? { success: true as const, data: 'all' } : segmentSchema.safeParse(raw);
  if (!segment.success) {
    problems.push(`segment: ${segment.error.issues[0]?.message}, found ${JSON.stringify(raw)}`);
  }
  if (!read.ok || !segment.success || problems.length > 0) return { ok: false, error: problems.join('; ') };
  const text = params.get('now');
  return {
    ok: true,
    query: {
      org: read.query.org,
      segment: segment.data,
      now: read.query.now === undefined || text === null ? undefined : { instant: read.query.now, text },
    },
  };
}
