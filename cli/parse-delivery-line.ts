import { z } from 'zod';
import type { WebhookDelivery } from '../src/events/types.ts';

/** A line of a recorded deliveries file is wrong: says which line and why. */
export class DeliveryLineError extends Error {
  override name = 'DeliveryLineError';
  readonly file: string;
  readonly line: number;
  constructor({ file, line, problem }: { file: string; line: number; problem: string }) {
    super(`${file}:${line}: ${problem}`);
    this.file = file;
    this.line = line;
  }
}

const deliverySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
  at: z.string().optional(),
});

function found(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value);
}

/** One line of a JSONL input file: its text, the file and the line number (for errors). */
export interface InputLine {
  text: string;
  file: string;
  line: number;
}

/**
 * One line of the CLI's JSONL format (docs/report.md):
 * `{"id", "name", "payload", "at"?}`. Blank lines yield null.
 */
export function parseDeliveryLine({ text, file, line }: InputLine): WebhookDelivery | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DeliveryLineError({ file, line, problem: `not valid JSON (${(error as Error).message})` });
  }
  const parsed = deliverySchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.join('.') || '(the line)';
      const at = issue.path.reduce<unknown>(
        (v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
        value,
      );
      const expected =
        path === '(the line)' || path === 'payload'
          ? 'an object'
          : path === 'at'
            ? 'an ISO-8601 time string'
            : 'a non-empty string';
      return `${path}: expected ${expected}, found ${found(at)}`;
    });
    throw new DeliveryLineError({
      file,
      line,
      problem: `${problems.join('; ')} (a delivery is {"id", "name", "payload", "at"?})`,
    });
  }
  const { id, name, payload, at } = parsed.data;
  return at === undefined ? { id, name, payload } : { id, name, payload, at };
}
