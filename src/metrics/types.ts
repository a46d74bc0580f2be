import type { Report } from '../report/types.ts';

/** The App's own health, as plain numbers the App reads from its store. */
export interface AppHealth {
  /** Deliveries stored and not yet processed (pending, or failed and waiting for a retry). */
  queueDepth: number;
  /** Deliveries whose last attempt failed. */
  failedDeliveries: number;
  /** Seconds since the newest delivery was processed; null when none ever was. */
  lastProcessedDeliveryAgeSeconds: number | null;
}

/** One org's report, as the App computed it. */
export interface OrgReport {
  org: string;
  report: Report;
}

/** `application/openmetrics-text; version=1.0.0; charset=utf-8` */
export const OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
