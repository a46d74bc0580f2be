import { ActionInputError } from './input-error.ts';
import type { ActionInputs } from './inputs.ts';

export type ActionMode = 'report' | 'coverage' | 'rollback';

const REPORT_EVENTS = new Set(['release', 'schedule', 'workflow_dispatch']);

/**
 * `mode: auto`: `release`, `schedule` and `workflow_dispatch` events → report;
 * otherwise coverage when `coverage-files` is set (interfaces.md).
 */
export function chooseMode({
  inputs,
  eventName,
}: {
  inputs: Pick<ActionInputs, 'mode' | 'coverage-files'>;
  eventName: string;
}): ActionMode {
  if (inputs.mode !== 'auto') return inputs.mode;
  if (REPORT_EVENTS.has(eventName)) return 'report';
  if (inputs['coverage-files'].length > 0) return 'coverage';
  throw new ActionInputError(
    `input "mode": auto cannot choose for a "${eventName}" event without "coverage-files"; set mode to report, coverage or rollback`,
  );
}
