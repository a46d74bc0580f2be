import type { DeliveryRecord, DeliveryStatus, StoredDelivery } from './types.ts';

/** A `deliveries` row, as either driver returns it (PostgreSQL BIGINTs arrive as strings). */
export interface DeliveryRow {
  id: string;
  name: string;
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

/** A `deliveries` row joined with its payload. */
export const SELECT_DELIVERY = 'SELECT d.*, p.payload FROM deliveries d JOIN delivery_payloads p ON p.id = d.id';

const orNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** The queue record of a row. */
export function readDeliveryRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    name: row.name,
    at: row.delivered_at,
    receivedAt: Number(row.received_at),
    location: { repo: row.repo, org: row.org, installationId: orNull(row.installation_id) },
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error,
    processedAt: orNull(row.processed_at),
    processCount: Number(row.process_count),
  };
}

/**
 * A claimed delivery: its record and the delivery as received, payload
 * parsed. One whose payload is not JSON comes back with `unreadable` (never a
 * throw: one bad row must not stop a batch).
 */
export function readStoredDelivery(row: DeliveryRow & { payload: string }): StoredDelivery {
  let payload: unknown = null;
  let unreadable: string | undefined;
  try {
    payload = JSON.parse(row.payload);
  } catch (error) {
    unreadable = `payload is not valid JSON: ${(error as Error).message}`;
  }
  return {
    ...readDeliveryRecord(row),
    delivery: { id: row.id, name: row.name, payload, ...(row.delivered_at === null ? {} : { at: row.delivered_at }) },
    ...(unreadable === undefined ? {} : { unreadable }),
  };
}
