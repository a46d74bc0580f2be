import { escapeMarkdown } from '../../markdown/index.ts';
import type { CollectedFacts } from '../types.ts';

/**
 * The Markdown note a report built from the REST API carries: each part the
 * token could not read ("not available: needs …"), then what REST cannot show.
 * Empty string when there is nothing to say.
 */
export function renderCollectionNotes({
  unavailable,
  limitations,
}: Pick<CollectedFacts, 'unavailable' | 'limitations'>): string {
  const lines: string[] = [];
  if (unavailable.length > 0) {
    lines.push('### Not available', '');
    for (const { part, permission } of unavailable) {
      lines.push(`- ${escapeMarkdown(part)}: not available: needs \`${permission}\``);
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
