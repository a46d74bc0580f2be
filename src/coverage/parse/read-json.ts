import type { z } from 'zod';
import { CoverageError } from '../coverage-error.ts';

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Reads a JSON report whole (JSON formats are not streamed) and validates it
 * with `schema`. Syntax errors name the line; shape errors the key path, at
 * the line where its first key appears.
 */
export async function readJson<T>({
  chunks,
  file,
  schema,
  expected,
}: {
  chunks: AsyncIterable<string | Uint8Array>;
  file: string;
  schema: z.ZodType<T>;
  /** What the file should be, for messages: "Istanbul coverage JSON". */
  expected: string;
}): Promise<T> {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for await (const chunk of chunks)
    parts.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  parts.push(decoder.decode());
  const text = parts.join('').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const lineMatch = /\(line (\d+) column \d+\)/.exec(message);
    const positionMatch = /at position (\d+)/.exec(message);
    const line = lineMatch
      ? Number(lineMatch[1])
      : positionMatch
        ? lineAt(text, Number(positionMatch[1]))
        : lineAt(text, text.length);
    // JavaScript's message quotes the text it stopped at: never shown (the file may be a secret)
    throw new CoverageError({ file, line, reason: `expected ${expected}, found invalid JSON` });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const keyPath = issue.path
    .map((key) => (typeof key === 'number' ? `[${key}]` : JSON.stringify(String(key))))
    .join('.');
  const firstKey = issue.path.findLast((key) => typeof key === 'string');
  const position = firstKey === undefined ? 0 : text.indexOf(JSON.stringify(firstKey));
  throw new CoverageError({
    file,
    line: lineAt(text, Math.max(0, position)),
    reason: `expected ${expected}: at ${keyPath || 'the top level'}: ${issue.message}`,
  });
}
