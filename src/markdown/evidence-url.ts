import type { Evidence } from '../report/types.ts';
import { encodeLinkPart } from './encode-link-part.ts';

/** GitHub's web root; GitHub Enterprise Server users give theirs (the App's GHE_HOST, the Action's runner). */
export const DEFAULT_WEB_URL = 'https://github.com';

/** A criterion's evidence in a repository, on GitHub at `webUrl` (default https://github.com). */
export interface EvidenceTarget {
  webUrl?: string;
  repo: string;
  evidence: Evidence;
}

/**
 * Where a criterion's evidence is seen on GitHub, from the repo and its ids
 * (docs/kpis.md, "Evidence"): `…/actions/runs/ID` (`/attempts/N` past the
 * first), `…/deployments/ENVIRONMENT`, `…/pull/N`, `…/issues/N`, `…/runs/ID`
 * (a check run), `…/releases/tag/TAG`. Every part from data is encoded.
 */
export function evidenceUrl({ webUrl = DEFAULT_WEB_URL, repo, evidence }: EvidenceTarget): string {
  const root = `${webUrl.replace(/\/+$/, '')}/${repo.split('/').map(encodeLinkPart).join('/')}`;
  switch (evidence.kind) {
    case 'workflow-run':
      return `${root}/actions/runs/${evidence.runId}${evidence.attempt > 1 ? `/attempts/${evidence.attempt}` : ''}`;
    case 'deployment':
      return `${root}/deployments/${encodeLinkPart(evidence.environment)}`;
    case 'pull-request':
      return `${root}/pull/${evidence.number}`;
    case 'issue':
      return `${root}/issues/${evidence.number}`;
    case 'check-run':
      return `${root}/runs/${evidence.checkRunId}`;
    case 'release':
      return `${root}/releases/tag/${encodeLinkPart(evidence.tag)}`;
  }
}
