import type { Evidence } from '../report/types.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { type EvidenceTarget, evidenceUrl } from './evidence-url.ts';
import { shortenText } from './shorten-text.ts';

/** Longest environment or tag shown in a link, before escaping. */
const MAX_NAME = 60;

function describeEvidence(evidence: Evidence): string {
  const name = (text: string) => escapeMarkdown(shortenText({ text, max: MAX_NAME }));
  switch (evidence.kind) {
    case 'workflow-run':
      return `workflow run ${evidence.runId}${evidence.attempt > 1 ? `, attempt ${evidence.attempt}` : ''}`;
    case 'deployment':
      return `deployment ${evidence.deploymentId} to ${name(evidence.environment)}`;
    case 'pull-request':
      return `pull request #${evidence.number}`;
    case 'issue':
      return `issue #${evidence.number}`;
    case 'check-run':
      return `check run ${evidence.checkRunId}`;
    case 'release':
      return `release ${name(evidence.tag)}`;
  }
}

/** A Markdown link to a criterion's evidence on GitHub: `[workflow run 42, attempt 2](https://…/attempts/2)`. */
export function linkEvidence(target: EvidenceTarget): string {
  return `[${describeEvidence(target.evidence)}](${evidenceUrl(target)})`;
}
