import type { SegmentTargets } from '../config/types.ts';
import { describeTargets } from './describe-targets.ts';
import type { MarkdownLine } from './types.ts';

/**
 * A segment's heading, then its targets as a paragraph when it has any (what
 * the ✅/⚠️ marks below measure against), all kept with what follows.
 */
export function renderSegmentHeading({
  heading,
  targets,
}: {
  heading: MarkdownLine;
  targets: SegmentTargets;
}): MarkdownLine[] {
  const described = describeTargets(targets);
  return [
    { ...heading, keepWithNext: true },
    { text: '', keepWithNext: true },
    ...(described
      ? [
          { text: described, keepWithNext: true },
          { text: '', keepWithNext: true },
        ]
      : []),
  ];
}
