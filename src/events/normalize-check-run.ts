import { z } from 'zod';
import { COVERAGE_CHECK, parseCoverageSummary } from './coverage-line.ts';
import type { EventContext } from './event-context.ts';
import { idField, instantField, optionalStringField, repositoryField } from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import { parseRollbackSummary, ROLLBACK_CHECK } from './rollback-summary.ts';
import type { NormalizedDelivery } from './types.ts';

const checkRunName = z.looseObject({ action: z.string(), check_run: z.looseObject({ name: z.string() }) });

const shipwellCheckRun = z.looseObject({
  repository: repositoryField,
  check_run: z.looseObject({
    id: idField,
    head_sha: z.string().min(1),
    completed_at: instantField,
    output: z.looseObject({ summary: optionalStringField }).nullish(),
  }),
});

/**
 * Completed check runs Shipwell itself writes: `shipwell/coverage` (a
 * `Lines: COVERED/TOTAL` line) and `shipwell/rollback` (`Release:` and
 * `Reason:` lines). Any other check run says nothing.
 */
export function normalizeCheckRun({ delivery }: EventContext): NormalizedDelivery {
  const { action, check_run } = readPayload({ delivery, schema: checkRunName });
  const { name } = check_run;
  if (name !== COVERAGE_CHECK && name !== ROLLBACK_CHECK) {
    return {
      kind: 'ignored',
      reason: `check_run.${action} "${name}": only ${COVERAGE_CHECK} and ${ROLLBACK_CHECK} are read`,
    };
  }
  if (action !== 'completed')
    return { kind: 'ignored', reason: `check_run.${action} "${name}": only "completed" is read` };
  const { repository, check_run: run } = readPayload({ delivery, schema: shipwellCheckRun });
  const base = {
    repo: repository.full_name,
    origin: delivery.id,
    checkRunId: run.id,
    sha: run.head_sha.toLowerCase(),
    at: run.completed_at,
  };
  const summary = run.output?.summary ?? '';
  if (name === ROLLBACK_CHECK) {
    const recorded = parseRollbackSummary(summary) ?? { tag: null, reason: null };
    return { kind: 'facts', facts: [{ ...base, type: 'recorded-rollback', ...recorded }] };
  }
  const coverage = parseCoverageSummary(summary);
  if (coverage === null) {
    return {
      kind: 'ignored',
      reason: `check_run.completed "${name}": output.summary has no "Lines: COVERED/TOTAL" line with covered <= total`,
    };
  }
  return { kind: 'facts', facts: [{ ...base, type: 'coverage', ...coverage }] };
}
