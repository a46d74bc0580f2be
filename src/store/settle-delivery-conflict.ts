import { chooseDeliveryContent } from '../events/choose-delivery-content.ts';
import { deliveryContent } from '../events/delivery-content.ts';
import { locateDelivery } from '../events/locate-delivery.ts';
import type { Instant } from '../time/index.ts';
import { createEvaluationQueue } from './create-evaluation-queue.ts';
import { createFactLog } from './create-fact-log.ts';
import { payloadHash } from './payload-hash.ts';
import type { Dialect, SqlExecutor } from './types.ts';

/** A stored payload's content, or null when it is not JSON (then any readable one wins). */
function contentOf(name: string, payloadText: string): { content: string; payload: unknown } | null {
  try {
    const payload: unknown = JSON.parse(payloadText);
    return { content: deliveryContent({ name, payload }), payload };
  } catch {
    return null;
  }
}

/**
 * A delivery id that is already stored arrived again, inside the caller's
 * transaction. A redelivery (the same event name and payload, whatever its
 * spacing) changes nothing. Different content is settled as
 * `shipwell kpis` settles two records of one id (docs/kpis.md, "One
 * delivery id, two payloads"): the greatest content is kept, whichever came
 * first. When the arriving one wins, it replaces the stored payload, the
 * old payload's facts go (their repository is marked for re-evaluation)
 * and the delivery is queued again, as received. Returns whether the
 * stored delivery changed.
 */
export async function settleDeliveryConflict({
  tx,
  dialect,
  id,
  name,
  at,
  payloadText,
  receivedAt,
}: {
  tx: SqlExecutor;
  dialect: Dialect;
  id: string;
  name: string;
  at: string | null;
  payloadText: string;
  receivedAt: Instant;
}): Promise<boolean> {
  const [row] = await tx.query<{ name: string; payload: string }>(
    'SELECT d.name, p.payload FROM deliveries d JOIN delivery_payloads p ON p.id = d.id WHERE d.id = $1',
    [id],
  );
  if (!row || (row.name === name && row.payload === payloadText)) return false;
  const arriving = contentOf(name, payloadText);
  if (arriving === null) return false;
  const stored = contentOf(row.name, row.payload);
  if (stored !== null) {
    if (stored.content === arriving.content) return false;
    if (chooseDeliveryContent([stored.content, arriving.content]) !== 1) return false;
  }
  // the winning payload already stored under another id: that one is the delivery (a replay), this stays as it was
  const hash = payloadHash(payloadText);
  const replayed = await tx.query('SELECT id FROM deliveries WHERE payload_hash = $1 AND id <> $2', [hash, id]);
  if (replayed.length > 0) return false;
  await tx.query('UPDATE delivery_payloads SET payload = $2 WHERE id = $1', [id, payloadText]);
  // located again from the new payload when claimed (all three location columns null)
  await tx.query(
    `UPDATE deliveries SET name = $2, delivered_at = $3, payload_hash = $5, status = 'pending', attempts = 0, next_attempt_at = $4,
       locked_by = NULL, locked_until = NULL, last_error = NULL, processed_at = NULL,
       org = NULL, repo = NULL, installation_id = NULL
     WHERE id = $1`,
    [id, name, at, receivedAt, hash],
  );
  const oldRepo = stored === null ? null : locateDelivery(stored.payload).repo;
  if (oldRepo !== null) {
    // a delivery's facts are about its repository and carry its id as origin (custom properties: `id:custom-properties`)
    await createFactLog({ q: tx, dialect }).forget({ repo: oldRepo, origins: [id, `${id}:custom-properties`] });
    await createEvaluationQueue({ q: tx, dialect }).request({ repos: [oldRepo], now: receivedAt });
  }
  return true;
}
