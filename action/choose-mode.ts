import { ActionInputError } from './input-error.ts';
import type { ActionInputs } from './inputs.ts';

export type ActionMode = 'report' | 'coverage' | 'rollback';

const REPORT_EVENTS = new Set(['release', 'schedule', 'workflow_dispatch']);

/**
 * `mode: auto`: `release`, `schedule` and `workflow_dispatch` events → report;
 * otherwise coverage when `coverage-files` is set (docs/action.md). With
 * `org`, the report of the organisation, whatever the event: other modes, a
 * `segment` or a `release` make no sense there and are refused.
 */
export function chooseMode({
  inputs,
  eventName,
}: {
  inputs: Pick<ActionInputs, 'mode' | 'coverage-files' | 'org' | 'segment' | 'release'>;
  eventName: string;
}): ActionMode {
  if (inputs.org !== null) {
    const clash = [
      ...(inputs.mode === 'auto' || inputs.mode === 'report' ? [] : [`mode "${inputs.mode}"`]),
      ...(inputs.segment === null ? [] : ['segment']),
      ...(inputs.release === null ? [] : ['release']),
    ];
    if (clash.length > 0) {
      throw new ActionInputError(
        `input "org": reports on every repository of ${inputs.org}; it takes no ${clash.join(', no ')} (those are for one repository)`,
      );
    }
    return 'report';
  }
  if (inputs.mode !== 'auto') return inputs.mode;
  if (REPORT_EVENTS.has(eventName)) return 'report';
  if (inputs['coverage-files'].length > 0) return 'coverage';
  throw new ActionInputError(
    `input "mode": auto cannot choose for a "${eventName}" event without "coverage-files"; set mode to report, coverage or rollback`,
  );
}
