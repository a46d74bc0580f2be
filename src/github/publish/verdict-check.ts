import type { Config } from '../../config/types.ts';
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
 * neutral, or failure with `publish.failOnNotWellPackaged`.
 */
export function verdictCheck({
  release,
  publish,
}: {
  release: Pick<ReleaseReport, 'status' | 'reasons'>;
  publish: Pick<Config['publish'], 'failOnNotWellPackaged'>;
}): VerdictCheck {
  const reasons = release.reasons.length > 0 ? `: ${release.reasons.join(', ')}` : '';
  const title = `${TITLES[release.status]}${release.status === 'not-well-packaged' ? reasons : ''}`;
  if (release.status === 'pending') return { status: 'in_progress', conclusion: null, title };
  if (release.status === 'well-packaged') return { status: 'completed', conclusion: 'success', title };
  return { status: 'completed', conclusion: publish.failOnNotWellPackaged ? 'failure' : 'neutral', title };
}
