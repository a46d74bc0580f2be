import { z } from 'zod';
import type { EventContext } from './event-context.ts';
import {
  EXPECTED_TIME,
  idField,
  optionalInstantField,
  optionalStringField,
  repositoryField,
} from './payload-fields.ts';
import { readPayload } from './read-payload.ts';
import { requireField } from './require-field.ts';
import type { LabelFact } from './types.ts';

const labeledItem = z.looseObject({
  number: idField,
  title: z.string(),
  body: optionalStringField,
  updated_at: optionalInstantField,
});

const labeledPayload = z.looseObject({ repository: repositoryField, label: z.looseObject({ name: z.string() }) });

const ITEMS = {
  issue: z.looseObject({ issue: labeledItem }).transform((payload) => payload.issue),
  pull_request: z.looseObject({ pull_request: labeledItem }).transform((payload) => payload.pull_request),
};

/**
 * The label fact of an `issues` or `pull_request` labeled delivery. Time: the
 * delivery's, else the item's `updated_at` (docs/kpis.md, "Facts and where they come from").
 */
export function readLabel({ delivery, at, item }: EventContext & { item: 'issue' | 'pull_request' }): LabelFact {
  const payload = readPayload({ delivery, schema: labeledPayload });
  const labeled = readPayload({ delivery, schema: ITEMS[item] });
  const time = requireField({
    deliveryId: delivery.id,
    path: `payload.${item}.updated_at`,
    value: at ?? labeled.updated_at,
    expected: `${EXPECTED_TIME} (the delivery has no time)`,
  });
  return {
    type: 'label',
    repo: payload.repository.full_name,
    origin: delivery.id,
    number: labeled.number,
    label: payload.label.name,
    title: labeled.title,
    body: labeled.body,
    at: time,
  };
}
