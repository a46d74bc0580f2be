import type { Report } from '../../src/report/types.ts';
import type { QueueHealth } from '../../src/store/index.ts';
import type { BodyEncoding, ReportView } from './render-report-view.ts';

/** A page of the org's deliveries in the CLI's JSONL format, and where the next page starts. */
export interface DeliveriesPage {
  /** Complete lines (`{"id","name","payload","at"}\n` each), payload text as received. */
  text: string;
  /** How many deliveries the page read (a page shorter than asked for is the last). */
  count: number;
  last: { receivedAt: number; id: string } | null;
}

/**
 * Where the API and the dashboard get what takes more than a moment to read:
 * reports, the deliveries export and the queue's counts (which grow with a
 * backlog: `/healthz`, `/metrics`). The App answers them on its reader
 * thread (start-reader-thread.ts), never on the thread acknowledging
 * webhooks; tests may answer them inline.
 */
export interface ReportSource {
  /** The org's (or one repo's) report as of `now`; a stored config that does not validate throws its ConfigError. */
  report(input: { org: string; repo?: string | undefined; now: number }): Promise<Report>;
  /** The same report without its list of releases (what /metrics reads): small to copy between threads. */
  summary(input: { org: string; now: number }): Promise<Report>;
  /**
   * The same report, rendered as `view` where it was computed: only its
   * UTF-8 bytes come back (the reader thread hands them over without a copy),
   * gzipped with `encoding: 'gzip'`.
   */
  render(input: {
    org: string;
    repo?: string | undefined;
    now: number;
    view: ReportView;
    encoding?: BodyEncoding | undefined;
  }): Promise<Uint8Array>;
  /** The queue's counts (`/healthz`, `/metrics`); throws when the database does not answer. */
  health(): Promise<QueueHealth>;
  exportDeliveries(input: {
    org: string;
    limit: number;
    after: { receivedAt: number; id: string } | null;
  }): Promise<DeliveriesPage>;
  /** A page of the fact lines the export adds: the org's facts no stored delivery says (docs/app.md, "Export and audit"). */
  exportFacts(input: {
    org: string;
    limit: number;
    after: { repo: string; content: string } | null;
  }): Promise<FactsPage>;
}

/** A page of `{"fact": …}` lines, and where the next page starts. */
export interface FactsPage {
  text: string;
  /** Fact rows read (a page shorter than asked for is the last). */
  count: number;
  last: { repo: string; content: string } | null;
}
