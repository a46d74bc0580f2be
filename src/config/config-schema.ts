import { z } from 'zod';
import { readInstant } from '../time/index.ts';
import { compileGlob, GlobError } from './compile-glob.ts';
import { durationSchema } from './duration-schema.ts';
import { patternSchema } from './pattern-schema.ts';
import { rulesOverrideSchema, rulesShape } from './rules-schema.ts';
import { booleanSchema, oneOf, percentSchema } from './scalar-schemas.ts';
import { segmentNameSchema } from './segment-name-schema.ts';
import { strictShape } from './strict-shape.ts';
import { type Config, ROLLBACK_SIGNALS } from './types.ts';

/**
 * Most periods a report shows before the current one (docs/configuration.md,
 * "history"): 1,000 keeps the JSON report of a busy org to a few MB.
 */
export const MAX_HISTORY = 1000;

const INSTANT = 'an ISO-8601 instant with a zone, like "2024-01-01T00:00:00Z"';

/** YAML loaders may turn an unquoted timestamp into a Date: it is read as the instant it names. */
const instantSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value),
  z
    .string({ error: INSTANT })
    .meta({ format: 'date-time' })
    .transform((text, ctx) => {
      const reading = readInstant(text);
      if (reading.ok) return reading.instant;
      // a time the calendar does not have is refused as such, never rolled over
      const message = reading.problem === 'calendar' ? `a real calendar time (${reading.why})` : INSTANT;
      ctx.issues.push({ code: 'custom', message, input: text });
      return z.NEVER;
    }),
);

const globSchema = z
  .string({ error: 'a repository name or glob (text)' })
  .min(1)
  .superRefine((glob, ctx) => {
    try {
      compileGlob(glob);
    } catch (error) {
      const reason = error instanceof GlobError ? error.message : `${(error as Error).message} (as a pattern)`;
      ctx.addIssue({ code: 'custom', message: `a repository name or glob: ${reason}`, input: glob });
    }
  });

const repoGlobs = z.array(globSchema, { error: 'a list of repository names or globs' });

const targetsSchema = strictShape({
  /** Target number of well-packaged releases per period. */
  wellPackaged: z
    .number({ error: 'a number, 0 or more' })
    .min(0)
    .optional()
    .describe('Target number of well-packaged releases per period.'),
  /** Target share of well-packaged releases, in percent. */
  share: percentSchema
    .optional()
    .describe('Target share of well-packaged releases among decided ones (releases − pending), in percent.'),
  /** Target patch coverage, in percent. */
  patchCoverage: percentSchema
    .optional()
    .describe('Target patch coverage, in percent; unset, the segment’s patches.target is used.'),
});

const fileSchema = strictShape({
  /** Probot's org-wide defaults: the repository whose `.github/shipwell.yml` this one extends. */
  _extends: z
    .string({ error: 'a repository name, like ".github"' })
    .optional()
    .describe(
      'Probot’s inheritance: start from another repository’s .github/shipwell.yml (`.github`, `repo`, `owner/repo`, or `repo:path/to/file.yml`); this file wins, key by key. Followed by the App, the Action and `shipwell report`; `shipwell kpis` (offline) refuses it.',
    ),
  /** This repository's segment; overrides everything else. */
  segment: segmentNameSchema
    .nullable()
    .prefault(null)
    .describe(
      'This repository’s segment; wins over `segments`, the custom property and topics. In the CLI: the segment of every repository of the file.',
    ),
  /** Segment name -> repository names or globs; the first matching segment in file order wins. */
  segments: z
    .record(segmentNameSchema, repoGlobs, { error: 'a mapping of segment name to a list of repository names or globs' })
    .prefault({})
    .describe(
      'Org rules: segment name → list of repository names or globs (a glob with / matches owner/name, else the name; case-insensitive). The first segment in file order with a matching entry wins.',
    ),
  /** The org custom property holding a repository's segment. */
  segmentProperty: z
    .string({ error: 'the name of an org custom property (text)' })
    .min(1)
    .prefault('segment')
    .describe('The org custom property that holds a repository’s segment, read when `segments` does not decide.'),
  /** Length of one reporting period (14d). */
  period: durationSchema.prefault('14d').describe('Length of one reporting period.'),
  /** Where periods are aligned: period k starts at periodAnchor + k·period. */
  periodAnchor: instantSchema
    .prefault('2024-01-01T00:00:00Z')
    .describe('Periods are aligned to this instant: period k is [anchor + k·period, anchor + (k+1)·period).'),
  /** Complete periods shown before the current one (6, at most MAX_HISTORY). */
  history: z
    .number({ error: `a whole number from 0 to ${MAX_HISTORY}` })
    .int()
    .min(0)
    .max(MAX_HISTORY)
    .prefault(6)
    .describe(
      `How many complete periods the report shows before the current one: 0 to ${MAX_HISTORY} (every period is computed and shown for every segment; more would make reports of hundreds of MB).`,
    ),
  /** Prereleases count as releases (false). */
  includePrereleases: booleanSchema.prefault(false).describe('true: prereleases count as releases.'),
  ...rulesShape,
  /** How rollbacks are detected. */
  rollback: strictShape({
    /** Which rollback signals count (all six). */
    signals: z
      .array(z.enum(ROLLBACK_SIGNALS, { error: oneOf(ROLLBACK_SIGNALS) }), {
        error: `a list of rollback signals (${ROLLBACK_SIGNALS.join(', ')})`,
      })
      .prefault([...ROLLBACK_SIGNALS])
      .describe('Which rollback signals count; leave one out to switch it off.'),
    /** Workflows whose successful runs are rollbacks. */
    workflows: z
      .array(patternSchema, { error: 'a list of workflow names or /regex/flags patterns' })
      .prefault(['/rollback|roll back|revert/i'])
      .describe('Workflow names (exact text, or /regex/flags searched anywhere) whose successful runs are rollbacks.'),
    /** Labels that mark an issue or pull request as a rollback. */
    labels: z
      .array(z.string({ error: 'a label name (text)' }).min(1), { error: 'a list of label names' })
      .prefault(['rollback'])
      .describe(
        'Labels (case-insensitive) that make an issue or pull request a rollback of the release tags its title or body names.',
      ),
  })
    .prefault({})
    .describe('How rollbacks are detected.'),
  /** Per-segment rules, deep-merged over the top-level ones. */
  overrides: z
    .record(segmentNameSchema, rulesOverrideSchema, { error: 'a mapping of segment name to rules' })
    .prefault({})
    .describe(
      'Per segment: any of rollbackWindow, maxDevopsActivities, minCoverage, coverage, devops, patches. Mappings merge key by key; lists and patterns replace.',
    ),
  /** Targets per segment or `all`: shown as on or off target, never change a number. */
  targets: z
    .record(z.string({ error: 'a segment name or "all"' }).min(1), targetsSchema, {
      error: 'a mapping of segment name (or "all") to targets',
    })
    .prefault({})
    .describe(
      'Per segment or `all`: wellPackaged, share, patchCoverage. A segment’s missing key falls back to `all`. Shown as on or off target; never changes a number.',
    ),
  /** Where the results are published. */
  publish: strictShape({
    /** A check run "Shipwell KPIs" on each release's commit (true). */
    checkRun: booleanSchema.prefault(true).describe('Publish a check run "Shipwell KPIs" on each release’s commit.'),
    /** A KPI section at the end of the release body (true). */
    releaseNotes: booleanSchema
      .prefault(true)
      .describe('Add a KPI section at the end of the release body, between markers.'),
    /** A not-well-packaged release fails its check run (false). */
    failOnNotWellPackaged: booleanSchema
      .prefault(false)
      .describe('true: the check run of a not-well-packaged release concludes failure instead of neutral.'),
  })
    .prefault({})
    .describe('Where the results are published.'),
});

function toConfig({ _extends, segments, ...rest }: z.output<typeof fileSchema>): Config {
  return { ...rest, segments: Object.entries(segments).map(([name, patterns]) => ({ name, patterns })) };
}

/** `.github/shipwell.yml`: what a user may write (input) and the resolved Config it becomes (output). */
export const configSchema = fileSchema.describe('Shipwell configuration: .github/shipwell.yml').transform(toConfig);
