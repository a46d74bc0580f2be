import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { WebhookDelivery } from '../src/events/types.ts';
import { InputError } from './errors.ts';
import { DeliveryLineError, parseDeliveryLine } from './parse-delivery-line.ts';

/** Reads a JSONL file of recorded deliveries; a bad line → InputError `FILE:LINE: …`. */
export async function readDeliveries(file: string): Promise<{ delivery: WebhookDelivery; line: number }[]> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    throw new InputError(
      `${file}: cannot read the deliveries file (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  const deliveries: { delivery: WebhookDelivery; line: number }[] = [];
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    try {
      const delivery = parseDeliveryLine({ text, file, line });
      if (delivery) deliveries.push({ delivery, line });
    } catch (error) {
      if (error instanceof DeliveryLineError) throw new InputError(error.message);
      throw error;
    }
  }
  return deliveries;
}
