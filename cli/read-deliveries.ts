import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Fact, WebhookDelivery } from '../src/events/types.ts';
import { InputError } from './errors.ts';
import { DeliveryLineError } from './parse-delivery-line.ts';
import { parseInputLine } from './parse-input-line.ts';

/**
 * Reads a JSONL file of recorded deliveries, and the fact lines an App
 * export carries beside them (docs/app.md, "Export and audit"); a bad line →
 * InputError `FILE:LINE: …`.
 */
export async function readDeliveries(
  file: string,
): Promise<{ deliveries: { delivery: WebhookDelivery; line: number }[]; facts: Fact[] }> {
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
  const facts: Fact[] = [];
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    try {
      const read = parseInputLine({ text, file, line });
      if (read === null) continue;
      if ('fact' in read) facts.push(read.fact);
      else deliveries.push({ delivery: read.delivery, line });
    } catch (error) {
      if (error instanceof DeliveryLineError) throw new InputError(error.message);
      throw error;
    }
  }
  return { deliveries, facts };
}
