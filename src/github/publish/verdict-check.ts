import type { Config } from '../../config/types.ts';
import { describeReasons, type ReleaseRules } from '../../markdown/index.ts';
import type { ReleaseReport } from '../../report/types.ts';

/** The name of the check run that carries a release's verdict. */
export const VERDICT_CHECK = 'Shipwell KPIs';

/** How a verdict shows as a check run. */
export interface VerdictCheck {
  status: 'in_progress' | 'completed';
  conclusion: 'success' | 'neutral' | 'failure' | null;
  title: string;
}

const TITLES: Record<ReleaseReport['status'], string> = {
  pending: 'Pending: the rollback window is open',
  'well-packaged': 'Well-packaged',
  'not-well-packaged': 'Not well-packaged',
};

/**
 * Pending → in progress; well-packaged → success; not well-packaged →
 * neutral, or failure with `publish.failOnNotWellPackaged`. The title says
 * the verdict and every reason with its figures: `Not well-packaged:
 * coverage 77 % is below 80 %` (docs/kpis.md, "How a verdict reads").
 */
export function verdictCheck({
  release,
  rules,
  publish,
}: {
  release: ReleaseReport;
  rules: ReleaseRules;
  publish: Pick<Config['publish'], 'failOnNotWellPackaged'>;
}): VerdictCheck {
  const reasons = release.reasons.length > 0 ? `: ${describeReasons({ release, rules })}` : '';
  const title = `${TITLES[release.status]}${release.status === 'not-well-packaged' ? reasons : ''}`;
  if (release.status === 'pending') return { status: 'in_progress', conclusion: null, title };
  if (release.status === 'well-packaged') return { status: 'completed', conclusion: 'success', title };
  return { status: 'completed', conclusion: publish.failOnNotWellPackaged ? 'failure' : 'neutral', title };
}
