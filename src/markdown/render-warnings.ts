import { escapeMarkdown } from './escape-markdown.ts';
import type { MarkdownLine } from './types.ts';

/**
 * The report's warnings (what the input held that a reader should know,
 * e.g. a delivery id with two payloads) as a list under a bold lead, each
 * escaped; no lines at all when there is none.
 */
export function renderWarnings({ warnings }: { warnings: readonly string[] }): MarkdownLine[] {
  if (warnings.length === 0) return [];
  return [
    { text: '' },
    { text: `**Warnings** (${warnings.length}): the report was computed, but the input held:`, keepWithNext: true },
    { text: '', keepWithNext: true },
    ...warnings.map((warning) => ({ text: `- ${escapeMarkdown(warning)}` })),
  ];
}
