import { FACT_SCHEMA, type Fact, type WebhookDelivery } from '../src/events/index.ts';
import { DeliveryLineError, type InputLine, parseDeliveryLine } from './parse-delivery-line.ts';

/** A fact line starts with its only key (docs/app.md, "Export and audit"). */
const FACT_LINE = /^\s*\{\s*"fact"\s*:/;

/**
 * One line of the CLI's JSONL input: a delivery `{"id", "name", "payload",
 * "at"?}`, or a normalized fact `{"fact": {…}}` as the App's export writes
 * for what it learned without a delivery (its REST backfill). Blank lines
 * yield null; a bad line throws DeliveryLineError naming the line and key.
 */
export function parseInputLine({ text, file, line }: InputLine): { delivery: WebhookDelivery } | { fact: Fact } | null {
  if (!FACT_LINE.test(text)) {
    const delivery = parseDeliveryLine({ text, file, line });
    return delivery === null ? null : { delivery };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DeliveryLineError({ file, line, problem: `not valid JSON (${(error as Error).message})` });
  }
  const keys = Object.keys(value as object);
  if (keys.length !== 1) {
    throw new DeliveryLineError({
      file,
      line,
      problem: `a fact line has only the key "fact", found also ${keys.filter((k) => k !== 'fact').join(', ')}`,
    });
  }
  const parsed = FACT_SCHEMA.safeParse((value as { fact: unknown }).fact);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `fact.${issue.path.join('.') || '(the fact)'}: ${issue.message}`,
    );
    throw new DeliveryLineError({
      file,
      line,
      problem: `${problems.join('; ')} (a fact line is {"fact": {"type", "repo", "origin", …}})`,
    });
  }
  return { fact: parsed.data };
}
