import type { DevopsKind, RollbackSignal } from '../config/types.ts';
import type { CoverageFact } from '../events/types.ts';
import type { ReleaseStatus, VerdictReason } from '../report/types.ts';
import type { Instant } from '../time/index.ts';

/** An in-scope release (kpis.md §2) with its window. */
export interface ScopedRelease {
  repo: string;
  tag: string;
  name: string | null;
  sha: string | null;
  publishedAt: Instant;
  /** publishedAt + the segment's rollbackWindow (exclusive). */
  windowEnd: Instant;
  prerelease: boolean;
}

export interface Rollback {
  tag: string;
  at: Instant;
  signal: RollbackSignal;
  reason: string | null;
  durationMinutes: number | null;
  /** Breaks ties within one signal at one instant. */
  order: string;
}

export interface DevopsActivity {
  kind: DevopsKind;
  at: Instant;
  sha: string | null;
  ref: string | null;
}

export interface ChosenCoverage {
  fact: CoverageFact;
  /** Chosen by the `latest-before` fallback, not by the release's sha. */
  fallback: boolean;
}

/** Everything decided about one release at `now`. */
export interface ReleaseVerdict {
  release: ScopedRelease;
  segment: string;
  status: ReleaseStatus;
  reasons: VerdictReason[];
  coverage: ChosenCoverage | null;
  activities: DevopsActivity[];
  /** Rollbacks in the window, first first; only the first counts. */
  rollbacks: Rollback[];
}

/** How an alert settled at `now` (kpis.md §6). */
export interface PatchSettlement {
  repo: string;
  number: number;
  segment: string;
  openedAt: Instant;
  due: Instant;
  /** settled in SLA, breached, still open (pending) or excluded by an early dismissal. */
  outcome: 'in-sla' | 'breached' | 'pending' | 'excluded';
  /** When it settled (fix time or due time); null while pending or excluded. */
  settledAt: Instant | null;
  /** The fix (or, with dismissedAsFixed, the dismissal) that counts, when at or before now. */
  fixedAt: Instant | null;
  openPastDue: boolean;
}
