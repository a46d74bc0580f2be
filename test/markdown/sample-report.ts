// Hand-built reports for the renderer tests, shaped like the engine's output
// (src/report/types.ts). Releases are written out one by one; the per-period
// counts are tallied from them so the numbers in a snapshot agree with each
// other. Patch numbers and targets are set by hand.
import { DEVOPS_KINDS, type DevopsKind, type SegmentTargets } from '../../src/config/types.ts';
import type {
  ActivityReport,
  AlertPastDueReport,
  Evidence,
  ReleaseReport,
  ReleaseStatus,
  Report,
  ReportPeriod,
  RollbackReport,
  SegmentPeriodReport,
  SegmentReport,
  VerdictReason,
} from '../../src/report/types.ts';
import { VERDICT_REASONS } from '../../src/report/types.ts';
import { DAY, formatInstant, HOUR, parseInstant } from '../../src/time/index.ts';

const CLOUD_PAST_DUE: AlertPastDueReport[] = [
  {
    repo: 'acme/checkout',
    number: 41,
    severity: 'high',
    openedAt: '2026-03-02T08:00:00.000Z',
    due: '2026-03-09T08:00:00.000Z',
  },
];
const IOS_PAST_DUE: AlertPastDueReport[] = [
  {
    repo: 'acme/ios-app',
    number: 7,
    severity: 'critical',
    openedAt: '2026-03-01T10:00:00.000Z',
    due: '2026-03-08T10:00:00.000Z',
  },
  {
    repo: 'acme/ios-app',
    number: 9,
    severity: null,
    openedAt: '2026-03-10T12:00:00.000Z',
    due: '2026-03-17T12:00:00.000Z',
  },
];

export const SAMPLE_NOW = '2026-03-20T00:00:00.000Z';
const ANCHOR = Date.UTC(2024, 0, 1);
const PERIOD = 14 * DAY;
const WINDOW = 7 * DAY;

const at = (iso: string): number => parseInstant(iso)!;
const iso = (instant: number): string => formatInstant(instant);

/** The current period and the `history` before it, oldest first. */
export function shownPeriods({ now, history }: { now: string; history: number }): ReportPeriod[] {
  const current = Math.floor((at(now) - ANCHOR) / PERIOD);
  return Array.from({ length: history + 1 }, (_, i) => {
    const k = current - history + i;
    return { start: iso(ANCHOR + k * PERIOD), end: iso(ANCHOR + (k + 1) * PERIOD), current: k === current };
  });
}

interface ReleaseSketch {
  repo: string;
  tag: string;
  segment: string;
  published: string;
  status: ReleaseStatus;
  reasons?: VerdictReason[];
  coverage?: { covered: number; total: number; fallback?: boolean } | null;
  /** Kind, time and (default: 15 for a timed kind) minutes. */
  activities?: ([DevopsKind, string] | [DevopsKind, string, number | null])[];
  rollbacks?: RollbackReport[];
  prerelease?: boolean;
  sha?: string | null;
}

function release(sketch: ReleaseSketch): ReleaseReport {
  const publishedAt = at(sketch.published);
  const sha =
    sketch.sha === undefined ? `${sketch.tag.replace(/[^0-9a-f]/g, '').padEnd(7, 'a')}${'0'.repeat(33)}` : sketch.sha;
  const coverage = sketch.coverage ?? null;
  const rollbacks = sketch.rollbacks ?? [];
  const activities: ActivityReport[] = (sketch.activities ?? []).map(([kind, time, minutes], i) => ({
    kind,
    at: iso(at(time)),
    minutes: minutes === undefined ? (kind === 'hotfix' ? null : 15) : minutes,
    evidence: sampleEvidence({ kind, n: publishedAt / 1000 + i, tag: sketch.tag }),
  }));
  return {
    repo: sketch.repo,
    tag: sketch.tag,
    sha,
    segment: sketch.segment,
    publishedAt: iso(publishedAt),
    windowEnd: iso(publishedAt + WINDOW),
    status: sketch.status,
    reasons: sketch.reasons ?? [],
    coverage: coverage ? Math.round((coverage.covered / coverage.total) * 1000) / 10 : null,
    coverageReport: coverage
      ? {
          covered: coverage.covered,
          total: coverage.total,
          sha: coverage.fallback ? `f00dfeed${'1'.repeat(32)}` : (sha ?? ''),
          at: iso(publishedAt - HOUR),
          fallback: coverage.fallback ?? false,
          checkRunId: publishedAt / 1000 - 7,
        }
      : null,
    devopsActivities: activities.length,
    activities,
    rollback: rollbacks[0] ?? null,
    rollbacks,
    prerelease: sketch.prerelease ?? false,
  };
}

const rollback = (
  time: string,
  signal: RollbackReport['signal'],
  reason: string | null,
  durationMinutes: number | null = null,
): RollbackReport => ({
  at: iso(at(time)),
  signal,
  reason,
  durationMinutes,
  evidence: rollbackEvidence(signal, at(time)),
});

/** Made-up ids in the shapes the engine gives, so renderers link each criterion to its evidence. */
function sampleEvidence({ kind, n, tag }: { kind: DevopsKind; n: number; tag: string }): Evidence {
  if (kind === 'manual-deployment') return { kind: 'deployment', deploymentId: n, environment: 'production' };
  if (kind === 'hotfix') return { kind: 'release', tag: `${tag}-hotfix` };
  return { kind: 'workflow-run', runId: n, attempt: kind === 'rerun' ? 2 : 1 };
}

function rollbackEvidence(signal: RollbackReport['signal'], time: number): Evidence {
  const n = time / 1000;
  switch (signal) {
    case 'redeploy':
      return { kind: 'deployment', deploymentId: n, environment: 'production' };
    case 'retracted':
      return { kind: 'release', tag: 'retracted' };
    case 'workflow':
      return { kind: 'workflow-run', runId: n, attempt: 1 };
    case 'label':
      return { kind: 'issue', number: n % 1000 };
    case 'revert-pr':
      return { kind: 'pull-request', number: n % 1000 };
    case 'recorded':
      return { kind: 'check-run', checkRunId: n };
  }
}

export const SAMPLE_RELEASES: ReleaseReport[] = [
  release({
    repo: 'acme/ios-app',
    tag: '5.0.0',
    segment: 'ios',
    published: '2025-12-16T09:30:00Z',
    status: 'well-packaged',
    coverage: { covered: 7_204, total: 8_000, fallback: true },
  }),
  release({
    repo: 'acme/ios-app',
    tag: '5.1.0',
    segment: 'ios',
    published: '2025-12-20T16:00:00Z',
    status: 'not-well-packaged',
    reasons: ['rolled-back'],
    coverage: { covered: 7_400, total: 8_100 },
    rollbacks: [rollback('2025-12-21T08:15:00Z', 'retracted', null)],
  }),
  release({
    repo: 'acme/ios-app',
    tag: '5.1.1-hotfix',
    segment: 'ios',
    published: '2025-12-21T11:00:00Z',
    status: 'well-packaged',
    coverage: { covered: 7_420, total: 8_100 },
    activities: [['manual-deployment', '2025-12-21T11:30:00Z']],
  }),
  release({
    repo: 'acme/web',
    tag: 'v1.8.0',
    segment: 'cloud',
    published: '2026-01-12T14:00:00Z',
    status: 'not-well-packaged',
    reasons: ['rolled-back', 'devops-activities'],
    coverage: { covered: 4_100, total: 5_000 },
    activities: [
      ['manual-workflow', '2026-01-12T15:00:00Z'],
      ['rerun', '2026-01-12T15:20:00Z'],
      ['deployment-approval', '2026-01-13T09:00:00Z'],
      ['hotfix', '2026-01-14T10:00:00Z'],
    ],
    rollbacks: [
      rollback('2026-01-13T10:00:00Z', 'recorded', 'Payment errors after deploy | checkout @oncall'),
      rollback('2026-01-13T10:05:00Z', 'label', 'Roll back v1.8.0: checkout broken'),
    ],
  }),
  release({
    repo: 'acme/ios-app',
    tag: '5.2.0-beta.1',
    segment: 'ios',
    published: '2026-01-20T12:00:00Z',
    status: 'well-packaged',
    prerelease: true,
    coverage: { covered: 7_300, total: 9_000 },
  }),
  release({
    repo: 'acme/web',
    tag: 'v1.9.0',
    segment: 'cloud',
    published: '2026-02-02T08:00:00Z',
    status: 'not-well-packaged',
    reasons: ['coverage-missing'],
    sha: null,
  }),
  release({
    repo: 'acme/api',
    tag: 'v1.0.0',
    segment: 'cloud',
    published: '2026-02-24T10:00:00Z',
    status: 'well-packaged',
    coverage: { covered: 850, total: 1_000 },
    activities: [['manual-workflow', '2026-02-24T09:00:00Z']],
  }),
  release({
    repo: 'acme/api',
    tag: 'v1.1.0',
    segment: 'cloud',
    published: '2026-03-02T10:00:00Z',
    status: 'not-well-packaged',
    reasons: ['rolled-back'],
    coverage: { covered: 910, total: 1_000 },
    rollbacks: [
      rollback('2026-03-03T10:00:00Z', 'redeploy', null, 4.5),
      rollback('2026-03-04T12:00:00Z', 'label', 'payment errors after deploy'),
    ],
  }),
  release({
    repo: 'acme/api',
    tag: 'v1.2.0',
    segment: 'cloud',
    published: '2026-03-10T10:00:00Z',
    status: 'not-well-packaged',
    reasons: ['devops-activities', 'coverage-below-threshold'],
    coverage: { covered: 780, total: 1_000 },
    activities: [
      ['rerun', '2026-03-10T11:00:00Z'],
      ['rerun', '2026-03-10T11:30:00Z'],
      ['rerun', '2026-03-10T12:00:00Z'],
    ],
  }),
  release({
    repo: 'acme/web',
    tag: 'v2.0.0',
    segment: 'cloud',
    published: '2026-03-14T09:00:00Z',
    status: 'pending',
  }),
  release({
    repo: 'acme/api',
    tag: 'v1.3.0',
    segment: 'cloud',
    published: '2026-03-16T10:00:00Z',
    status: 'pending',
    coverage: { covered: 880, total: 1_000 },
  }),
  release({
    repo: 'acme/web',
    tag: 'v2.1.0',
    segment: 'cloud',
    published: '2026-03-17T15:00:00Z',
    status: 'not-well-packaged',
    reasons: ['coverage-below-threshold'],
    coverage: { covered: 3_700, total: 5_000 },
    activities: [['deployment-approval', '2026-03-17T15:10:00Z']],
  }),
  release({
    repo: 'acme/ios-app',
    tag: '5.2.0',
    segment: 'ios',
    published: '2026-03-18T07:00:00Z',
    status: 'not-well-packaged',
    reasons: ['rolled-back', 'coverage-below-threshold'],
    coverage: { covered: 7_100, total: 9_000 },
    rollbacks: [rollback('2026-03-18T13:00:00Z', 'workflow', 'Roll back 5.2.0: crash on launch', 12)],
  }),
];

/** Patches settled and settled in SLA per shown period, oldest first. */
const PATCHES: Record<string, [settled: number, inSla: number][]> = {
  cloud: [
    [2, 2],
    [0, 0],
    [3, 2],
    [1, 1],
    [4, 4],
    [2, 1],
    [0, 0],
  ],
  ios: [
    [1, 0],
    [1, 1],
    [0, 0],
    [2, 2],
    [0, 0],
    [1, 1],
    [1, 1],
  ],
};

const TARGETS: Record<string, SegmentTargets> = {
  all: { share: 80 },
  cloud: { wellPackaged: 2, share: 90, patchCoverage: 100 },
  ios: {},
};

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return null;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function onTarget(value: number | null, target: number | undefined): boolean | null | undefined {
  if (target === undefined) return undefined;
  return value === null ? null : value >= target;
}

function tallyPeriod({
  period,
  releases,
  patches: [settled, inSla],
  targets,
}: {
  period: ReportPeriod;
  releases: ReleaseReport[];
  patches: [number, number];
  targets: SegmentTargets;
}): SegmentPeriodReport {
  const inPeriod = releases.filter((r) => r.publishedAt >= period.start && r.publishedAt < period.end);
  const count = (status: ReleaseStatus) => inPeriod.filter((r) => r.status === status).length;
  const wellPackaged = count('well-packaged');
  const pending = count('pending');
  const rolledBack = inPeriod.filter((r) => r.rollback !== null);
  const covered = inPeriod.flatMap((r) => (r.coverage === null ? [] : [r.coverage]));
  const share = percent(wellPackaged, inPeriod.length - pending);
  const patchCoverage = percent(inSla, settled);
  const activities = inPeriod.reduce((sum, r) => sum + r.devopsActivities, 0);
  const failing = (reason: VerdictReason) => inPeriod.filter((r) => r.reasons.includes(reason)).length;
  return {
    ...period,
    releases: inPeriod.length,
    wellPackaged,
    pending,
    notWellPackaged: count('not-well-packaged'),
    rolledBack: rolledBack.length,
    share,
    rollbackRate: percent(rolledBack.length, inPeriod.length),
    medianRollbackMinutes: median(
      rolledBack.flatMap((r) => (r.rollback?.durationMinutes == null ? [] : [r.rollback.durationMinutes])),
    ),
    failing: {
      'rolled-back': failing('rolled-back'),
      'devops-activities': failing('devops-activities'),
      'coverage-below-threshold': failing('coverage-below-threshold'),
      'coverage-missing': failing('coverage-missing'),
    },
    passRates: Object.fromEntries(
      VERDICT_REASONS.map((reason) => [
        reason,
        percent(inPeriod.length - pending - failing(reason), inPeriod.length - pending),
      ]),
    ) as Record<VerdictReason, number | null>,
    devopsActivities: Object.fromEntries(
      DEVOPS_KINDS.map((kind) => [kind, inPeriod.flatMap((r) => r.activities).filter((a) => a.kind === kind).length]),
    ) as Record<DevopsKind, number>,
    devopsMinutes: Object.fromEntries(
      DEVOPS_KINDS.map((kind) => [
        kind,
        kind === 'hotfix'
          ? null
          : inPeriod
              .flatMap((r) => r.activities)
              .filter((a) => a.kind === kind)
              .reduce((sum, a) => sum + (a.minutes ?? 0), 0),
      ]),
    ) as Record<DevopsKind, number | null>,
    devopsUntimed: Object.fromEntries(
      DEVOPS_KINDS.map((kind) => [
        kind,
        inPeriod.flatMap((r) => r.activities).filter((a) => a.kind === kind && kind !== 'hotfix' && a.minutes === null)
          .length,
      ]),
    ) as Record<DevopsKind, number>,
    devopsActivitiesPerRelease: inPeriod.length === 0 ? null : Math.round((activities / inPeriod.length) * 10) / 10,
    meanCoverage:
      covered.length === 0 ? null : Math.round((covered.reduce((a, b) => a + b, 0) / covered.length) * 10) / 10,
    patchesSettled: settled,
    patchesInSla: inSla,
    patchCoverage,
    onTarget: {
      ...(targets.wellPackaged === undefined ? {} : { wellPackaged: wellPackaged >= targets.wellPackaged }),
      ...(targets.share === undefined ? {} : { share: onTarget(share, targets.share) }),
      ...(targets.patchCoverage === undefined ? {} : { patchCoverage: onTarget(patchCoverage, targets.patchCoverage) }),
    },
  };
}

function segment({
  name,
  periods,
  releases,
  patches,
  extra,
}: {
  name: string;
  periods: ReportPeriod[];
  releases: ReleaseReport[];
  patches: [number, number][];
  extra: Pick<SegmentReport, 'openAlertsPastDue' | 'alertsPastDue' | 'medianTimeToFixHours' | 'topRollbackReasons'>;
}): SegmentReport {
  const targets = TARGETS[name] ?? {};
  return {
    name,
    repos: [...new Set(releases.map((r) => r.repo))].sort(),
    periods: periods.map((period, i) => tallyPeriod({ period, releases, patches: patches[i] ?? [0, 0], targets })),
    targets,
    rules: {
      rollbackWindowHours: 168,
      maxDevopsActivities: 3,
      minCoverage: 80,
      coverageFallback: 'latest-before',
      devopsKinds: ['manual-workflow', 'rerun', 'manual-deployment', 'deployment-approval', 'hotfix'],
      patchSlaHours: { critical: 168, high: 168, medium: 168, low: 168 },
      dismissedAsFixed: false,
    },
    ...extra,
  };
}

/**
 * A report on `releases` at `now`: segments `all` then each segment of the
 * releases by name, 7 periods; the sample's patch numbers.
 */
export function buildReport({
  now = SAMPLE_NOW,
  releases = SAMPLE_RELEASES,
  warnings = [],
}: {
  now?: string;
  releases?: ReleaseReport[];
  warnings?: string[];
} = {}): Report {
  const periods = shownPeriods({ now, history: 6 });
  const names = [...new Set(releases.map((r) => r.segment))].sort();
  const allPatches = (PATCHES.cloud ?? []).map(([s, i], k) => {
    const [s2, i2] = PATCHES.ios?.[k] ?? [0, 0];
    return [s + s2, i + i2] as [number, number];
  });
  const extras: Record<
    string,
    Pick<SegmentReport, 'openAlertsPastDue' | 'alertsPastDue' | 'medianTimeToFixHours' | 'topRollbackReasons'>
  > = {
    all: {
      openAlertsPastDue: 3,
      alertsPastDue: [...CLOUD_PAST_DUE, ...IOS_PAST_DUE].sort((a, b) => (a.due < b.due ? -1 : 1)),
      medianTimeToFixHours: 52.5,
      topRollbackReasons: [
        { reason: 'payment errors after deploy', count: 2 },
        { reason: 'Roll back 5.2.0: crash on launch', count: 1 },
      ],
    },
    cloud: {
      openAlertsPastDue: 1,
      alertsPastDue: CLOUD_PAST_DUE,
      medianTimeToFixHours: 48,
      topRollbackReasons: [{ reason: 'Payment errors after deploy | checkout @oncall', count: 2 }],
    },
    ios: { openAlertsPastDue: 2, alertsPastDue: IOS_PAST_DUE, medianTimeToFixHours: null, topRollbackReasons: [] },
  };
  const none = { openAlertsPastDue: 0, alertsPastDue: [], medianTimeToFixHours: null, topRollbackReasons: [] };
  return {
    now,
    periods,
    releases,
    segments: [
      segment({ name: 'all', periods, releases, patches: allPatches, extra: extras.all ?? none }),
      ...names.map((name) =>
        segment({
          name,
          periods,
          releases: releases.filter((r) => r.segment === name),
          patches: PATCHES[name] ?? [],
          extra: extras[name] ?? none,
        }),
      ),
    ],
    warnings,
  };
}

/** `count` releases spread over the shown periods, every status, many with long rollback reasons. */
export function buildLargeReport({ count }: { count: number }): Report {
  const periods = shownPeriods({ now: SAMPLE_NOW, history: 6 });
  const first = at(periods[0]!.start);
  const span = at(SAMPLE_NOW) - first;
  const statuses: ReleaseStatus[] = ['well-packaged', 'not-well-packaged', 'pending'];
  const releases = Array.from({ length: count }, (_, i) => {
    const status = statuses[i % 3]!;
    const rolledBack = status === 'not-well-packaged' && i % 2 === 0;
    const published = iso(first + Math.floor((span * i) / count));
    return release({
      repo: `acme/service-${i % 40}`,
      tag: `v${Math.floor(i / 40)}.${i % 40}.0`,
      segment: i % 4 === 0 ? 'ios' : 'cloud',
      published,
      status,
      reasons: status === 'not-well-packaged' ? (rolledBack ? ['rolled-back'] : ['coverage-below-threshold']) : [],
      coverage: { covered: 700 + (i % 300), total: 1_000 },
      rollbacks: rolledBack
        ? [rollback(published, 'label', `Incident ${i}: ${'very long reason with | pipes and <b>tags</b> '.repeat(3)}`)]
        : [],
    });
  });
  return buildReport({ releases });
}
