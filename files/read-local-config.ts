import { readFile } from 'node:fs/promises';
import { ConfigError } from '../src/config/index.ts';

/**
 * A config file on disk (the Action's checkout, the CLI's `--config`): its
 * text, or null when there is no such file. Any other failure (a directory,
 * no permission) → a ConfigError naming the file.
 */
export async function readLocalConfig(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new ConfigError({
      file: path,
      issues: [{ path: '', line: null, message: `cannot read the file (${code ?? String(error)})` }],
    });
  }
}
