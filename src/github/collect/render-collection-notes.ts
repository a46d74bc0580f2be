import { escapeMarkdown } from '../../markdown/index.ts';
import type { CollectedFacts } from '../types.ts';

/**
 * The Markdown note a report built from the REST API carries: each part the
 * token may not read ("not available: needs …", a 403) or GitHub has none of
 * (a 404: not found, or the feature not enabled), then what REST cannot show.
 * Empty string when there is nothing to say.
 */
export function renderCollectionNotes({
  unavailable,
  limitations,
}: Pick<CollectedFacts, 'unavailable' | 'limitations'>): string {
  const lines: string[] = [];
  if (unavailable.length > 0) {
    lines.push('### Not available', '');
    // a permission is our own text or GitHub's header read as `word: word` pairs: safe in a code span
    for (const { part, permission, reason } of unavailable) {
      lines.push(
        reason === 'not-found'
          ? `- ${escapeMarkdown(part)}: not available: GitHub has none for this repository (404: not found, or not enabled)`
          : `- ${escapeMarkdown(part)}: not available: needs \`${permission}\``,
      );
    }
  }
  if (limitations.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('<details><summary>What the REST API cannot show</summary>', '');
    for (const limitation of limitations) lines.push(`- ${limitation}`);
    lines.push('', '</details>');
  }
  return lines.join('\n');
}
