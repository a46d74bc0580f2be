import { locateDelivery } from './locate-delivery.ts';
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

function installationOf(payload: unknown): number | null {
  const installation = (payload as { installation?: { id?: unknown } } | null)?.installation;
  return typeof installation?.id === 'number' ? installation.id : null;
}

/**
 * The stored delivery of a row: the raw delivery as received, and its queue
 * state. A delivery stored as received (no location columns yet) is located
 * from its payload here; one whose payload is not JSON comes back with
 * `unreadable` (never a throw: one bad row must not stop a batch).
 */
export function readDeliveryRow(row: DeliveryRow): StoredDelivery {
  let payload: unknown = null;
  let unreadable: string | undefined;
  try {
    payload = JSON.parse(row.payload);
  } catch (error) {
    unreadable = `payload is not valid JSON: ${(error as Error).message}`;
  }
  const unlocated = row.org === null && row.repo === null && row.installation_id === null;
  const located = unlocated ? locateDelivery(payload) : { org: row.org, repo: row.repo };
  return {
    delivery: {
      id: row.id,
      name: row.name,
      payload,
      ...(row.delivered_at === null ? {} : { at: row.delivered_at }),
    },
    ...(unreadable === undefined ? {} : { unreadable }),
    receivedAt: Number(row.received_at),
    installationId: unlocated ? installationOf(payload) : orNull(row.installation_id),
    org: located.org,
    repo: located.repo,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error,
    processedAt: orNull(row.processed_at),
    processCount: Number(row.process_count),
  };
}
