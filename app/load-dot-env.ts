import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Probot's habit: the variables of a `.env` file in the working directory
 * (what `npm run setup` writes) join the environment; a variable already
 * set wins over the file. Returns the names it added (never their values:
 * they are secrets). No file, nothing added.
 */
export function loadDotEnv({
  env,
  path = '.env',
}: {
  env: Record<string, string | undefined>;
  path?: string;
}): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const added: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    added.push(name);
  }
  return added;
}
