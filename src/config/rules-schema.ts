import { z } from 'zod';
import { durationSchema } from './duration-schema.ts';
import { patternSchema } from './pattern-schema.ts';
import { booleanSchema, oneOf, percentSchema } from './scalar-schemas.ts';
import { strictShape } from './strict-shape.ts';
import { DEVOPS_KINDS } from './types.ts';

const fallback = z.enum(['latest-before', 'none'], { error: oneOf(['latest-before', 'none']) });
const devopsKinds = z.array(z.enum(DEVOPS_KINDS, { error: oneOf(DEVOPS_KINDS) }), {
  error: `a list of DevOps activity kinds (${DEVOPS_KINDS.join(', ')})`,
});

const TEXT = {
  rollbackWindow:
    'How long after publication a rollback still counts against a release; a release can be well-packaged only once this window has closed.',
  maxDevopsActivities: 'A well-packaged release has strictly fewer manual DevOps activities than this (3: at most 2).',
  minCoverage: 'Minimum line coverage, in percent, of a well-packaged release (compared exactly, never rounded).',
  coverage: 'Where a release’s coverage comes from.',
  fallback:
    '`latest-before`: without a coverage report for the release’s commit, use the repository’s newest report at or before publication. `none`: no fallback (the release fails with coverage-missing).',
  devops: 'Manual work the team needed to ship a release.',
  kinds: 'Which DevOps activities count against a release.',
  hotfixPattern:
    'A release whose tag or name matches (exact text, or /regex/flags searched anywhere) is a hotfix: one DevOps activity for the previous release.',
  patches: 'Security-patch coverage (Dependabot alerts).',
  sla: 'Time allowed to fix an alert, per severity; a severity left out keeps 7d.',
  severity: (severity: string) => `Time allowed to fix a ${severity} alert.`,
  dismissedAsFixed: 'true: a dismissed alert counts as fixed at the time of its dismissal.',
  target: 'Patch coverage target, in percent: shown as on or off target, never changes a number.',
} as const;

const slaDefaults = {
  /** Time to fix a critical alert (7d). */
  critical: durationSchema.prefault('7d').describe(TEXT.severity('critical')),
  /** Time to fix a high alert (7d). */
  high: durationSchema.prefault('7d').describe(TEXT.severity('high')),
  /** Time to fix a medium (moderate) alert (7d). */
  medium: durationSchema.prefault('7d').describe(TEXT.severity('medium (moderate)')),
  /** Time to fix a low alert (7d). */
  low: durationSchema.prefault('7d').describe(TEXT.severity('low')),
};

/** The rules a segment may override, each with its default (docs/configuration.md, "Every key"). */
export const rulesShape = {
  /** How long after publication a rollback counts against a release (7d). */
  rollbackWindow: durationSchema.prefault('7d').describe(TEXT.rollbackWindow),
  /** A well-packaged release has strictly fewer DevOps activities (3). */
  maxDevopsActivities: z
    .number({ error: 'a whole number, 1 or more' })
    .int()
    .min(1)
    .prefault(3)
    .describe(TEXT.maxDevopsActivities),
  /** Minimum line coverage in percent (80). */
  minCoverage: percentSchema.prefault(80).describe(TEXT.minCoverage),
  /** Where a release's coverage comes from. */
  coverage: strictShape({
    /** `latest-before` (default) or `none`. */
    fallback: fallback.prefault('latest-before').describe(TEXT.fallback),
  })
    .prefault({})
    .describe(TEXT.coverage),
  /** Manual work the team needed to ship a release. */
  devops: strictShape({
    /** Which activities count (all five). */
    kinds: devopsKinds.prefault([...DEVOPS_KINDS]).describe(TEXT.kinds),
    /** A release matching this is a hotfix (`/hotfix/i`). */
    hotfixPattern: patternSchema.prefault('/hotfix/i').describe(TEXT.hotfixPattern),
  })
    .prefault({})
    .describe(TEXT.devops),
  /** Security-patch coverage. */
  patches: strictShape({
    /** Time to fix per severity (7d each). */
    sla: strictShape(slaDefaults).prefault({}).describe(TEXT.sla),
    /** A dismissal counts as a fix at its time (false). */
    dismissedAsFixed: booleanSchema.prefault(false).describe(TEXT.dismissedAsFixed),
    /** Patch coverage target in percent (100). */
    target: percentSchema.prefault(100).describe(TEXT.target),
  })
    .prefault({})
    .describe(TEXT.patches),
};

const slaOverride = {
  /** This segment's time to fix a critical alert. */
  critical: durationSchema.optional().describe(TEXT.severity('critical')),
  /** This segment's time to fix a high alert. */
  high: durationSchema.optional().describe(TEXT.severity('high')),
  /** This segment's time to fix a medium (moderate) alert. */
  medium: durationSchema.optional().describe(TEXT.severity('medium (moderate)')),
  /** This segment's time to fix a low alert. */
  low: durationSchema.optional().describe(TEXT.severity('low')),
};

/** One segment's overrides: any of the rules above, nested mappings partial too. */
export const rulesOverrideSchema = strictShape({
  /** This segment's rollbackWindow. */
  rollbackWindow: durationSchema.optional().describe(TEXT.rollbackWindow),
  /** This segment's maxDevopsActivities. */
  maxDevopsActivities: z
    .number({ error: 'a whole number, 1 or more' })
    .int()
    .min(1)
    .optional()
    .describe(TEXT.maxDevopsActivities),
  /** This segment's minCoverage. */
  minCoverage: percentSchema.optional().describe(TEXT.minCoverage),
  /** This segment's coverage settings. */
  coverage: strictShape({
    /** This segment's coverage fallback. */
    fallback: fallback.optional().describe(TEXT.fallback),
  })
    .optional()
    .describe(TEXT.coverage),
  /** This segment's DevOps settings. */
  devops: strictShape({
    /** This segment's activity kinds (replaces the list). */
    kinds: devopsKinds.optional().describe(TEXT.kinds),
    /** This segment's hotfix pattern. */
    hotfixPattern: patternSchema.optional().describe(TEXT.hotfixPattern),
  })
    .optional()
    .describe(TEXT.devops),
  /** This segment's patch settings. */
  patches: strictShape({
    /** This segment's SLAs; severities left out keep the top-level ones. */
    sla: strictShape(slaOverride).optional().describe(TEXT.sla),
    /** This segment's dismissedAsFixed. */
    dismissedAsFixed: booleanSchema.optional().describe(TEXT.dismissedAsFixed),
    /** This segment's patch coverage target. */
    target: percentSchema.optional().describe(TEXT.target),
  })
    .optional()
    .describe(TEXT.patches),
}).describe('Rules for the repositories of one segment, deep-merged over the top-level ones.');
