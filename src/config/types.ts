import type { Severity } from '../events/types.ts';
import type { Duration, Instant } from '../time/index.ts';

/**
 * A pattern from config: `/…/flags` is a regular expression (JavaScript
 * syntax) searched anywhere in the text in linear time (`matcher`, RE2); any
 * other string must equal the whole text.
 */
export type TextPattern =
  | { kind: 'regex'; source: string; matcher: { test(text: string): boolean } }
  | { kind: 'exact'; source: string };

export type RollbackSignal = 'redeploy' | 'retracted' | 'workflow' | 'label' | 'revert-pr' | 'recorded';
export const ROLLBACK_SIGNALS: readonly RollbackSignal[] = [
  'redeploy',
  'retracted',
  'workflow',
  'label',
  'revert-pr',
  'recorded',
];

export type DevopsKind = 'manual-workflow' | 'rerun' | 'manual-deployment' | 'deployment-approval' | 'hotfix';
export const DEVOPS_KINDS: readonly DevopsKind[] = [
  'manual-workflow',
  'rerun',
  'manual-deployment',
  'deployment-approval',
  'hotfix',
];

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** The rules a segment may override (docs/configuration.md, "Overrides per segment"), resolved. */
export interface SegmentRules {
  rollbackWindow: Duration;
  maxDevopsActivities: number;
  minCoverage: number;
  coverage: { fallback: 'latest-before' | 'none' };
  devops: { kinds: DevopsKind[]; hotfixPattern: TextPattern };
  patches: { sla: Record<Severity, Duration>; dismissedAsFixed: boolean; target: number };
}

/** A segment's targets; shown as on/off target, never change a number. */
export interface SegmentTargets {
  wellPackaged?: number;
  share?: number;
  patchCoverage?: number;
}

/** Overrides as written: any subset of the rules, nested objects partial too. */
export interface RulesOverride {
  rollbackWindow?: Duration;
  maxDevopsActivities?: number;
  minCoverage?: number;
  coverage?: { fallback?: 'latest-before' | 'none' };
  devops?: { kinds?: DevopsKind[]; hotfixPattern?: TextPattern };
  patches?: { sla?: Partial<Record<Severity, Duration>>; dismissedAsFixed?: boolean; target?: number };
}

/** `.github/shipwell.yml`, validated, with every default filled in. */
export interface Config extends SegmentRules {
  /** This repo's segment (in the CLI: every repo of the file); overrides everything else. */
  segment: string | null;
  /** Segment rules in file order: first match wins. */
  segments: { name: string; patterns: string[] }[];
  segmentProperty: string;
  period: Duration;
  periodAnchor: Instant;
  history: number;
  includePrereleases: boolean;
  rollback: { signals: RollbackSignal[]; workflows: TextPattern[]; labels: string[] };
  overrides: Record<string, RulesOverride>;
  targets: Record<string, SegmentTargets>;
  publish: { checkRun: boolean; releaseNotes: boolean; failOnNotWellPackaged: boolean };
}
