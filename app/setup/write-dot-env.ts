import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

function quote(name: string, value: string): string {
  if (/^[\w./:@+,=-]*$/.test(value)) return value;
  if (!value.includes('"')) return `"${value.replace(/\n/g, '\\n')}"`;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('`')) return `\`${value}\``;
  throw new Error(`${name}: a value holding ", ' and \` cannot be written to .env`);
}

/**
 * Sets `values` in the `.env` file at `path`, keeping the variables it
 * already holds (comments are not kept, as with Probot), readable by its
 * owner only (it holds the App's private key). Node's `parseEnv` (and
 * `npm start`) read it back as written.
 */
export function writeDotEnv({ path, values }: { path: string; values: Record<string, string> }): void {
  let existing: Record<string, string> = {};
  try {
    existing = parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const merged = { ...existing, ...values };
  const text = Object.entries(merged)
    .map(([name, value]) => `${name}=${quote(name, value)}`)
    .join('\n');
  writeFileSync(path, `${text}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}
