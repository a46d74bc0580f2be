import { summarizeRollbackReasons } from '../report/summarize-rollback-reasons.ts';
import type { Report, SegmentReport } from '../report/types.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { formatCount } from './format-count.ts';
import { shortenText } from './shorten-text.ts';
import type { MarkdownLine } from './types.ts';

/** Longest rollback reason shown, before escaping. */
const MAX_REASON = 200;

/**
 * A segment's top rollback reasons (docs/kpis.md, "Top rollback reasons"):
 * the report's list, numbered; `+ N more with the same count` after the
 * last one when the cut of the list falls inside a tie; then the rolled-back
 * releases whose rollback gave no reason, as "no reason given".
 */
export function renderRollbackReasons({
  report,
  segment,
}: {
  report: Pick<Report, 'releases'>;
  segment: Pick<SegmentReport, 'name' | 'topRollbackReasons'>;
}): MarkdownLine[] {
  const { top, tiedPastCut, withoutReason } = summarizeRollbackReasons({ report, segment });
  const none = `no reason given (${formatCount(withoutReason)})`;
  if (top.length === 0) {
    return [{ text: `Top rollback reasons: ${withoutReason > 0 ? none : 'none'}` }];
  }
  const items = top.map(({ reason, count }, i) => {
    const tie =
      i === top.length - 1 && tiedPastCut > 0 ? ` + ${formatCount(tiedPastCut)} more with the same count` : '';
    return `${i + 1}. ${escapeMarkdown(shortenText({ text: reason, max: MAX_REASON }))} (${formatCount(count)})${tie}`;
  });
  return [
    { text: 'Top rollback reasons:', keepWithNext: true },
    { text: '', keepWithNext: true },
    ...items.map((text) => ({ text })),
    ...(withoutReason > 0 ? [{ text: '' }, { text: `No reason given: ${formatCount(withoutReason)}.` }] : []),
  ];
}
