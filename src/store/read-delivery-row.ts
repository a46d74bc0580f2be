import type { DeliveryStatus, StoredDelivery } from './types.ts';

/** A `deliveries` row joined with its payload, as either driver returns it (PostgreSQL BIGINTs arrive as strings). */
export interface DeliveryRow {
  id: string;
  name: string;
  payload: string;
  delivered_at: string | null;
  received_at: number | string;
  installation_id: number | string | null;
  org: string | null;
  repo: string | null;
  status: string;
  attempts: number | string;
  next_attempt_at: number | string;
  last_error: string | null;
  processed_at: number | string | null;
  process_count: number | string;
}

const orNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** The stored delivery of a row: the raw delivery as received, and its queue state. */
export function readDeliveryRow(row: DeliveryRow): StoredDelivery {
  return {
    delivery: {
      id: row.id,
      name: row.name,
      payload: JSON.parse(row.payload) as unknown,
      ...(row.delivered_at === null ? {} : { at: row.delivered_at }),
    },
    receivedAt: Number(row.received_at),
    installationId: orNull(row.installation_id),
    org: row.org,
    repo: row.repo,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error,
    processedAt: orNull(row.processed_at),
    processCount: Number(row.process_count),
  };
}
