import { readFile } from 'node:fs/promises';
import { ConfigError, defaultConfig, parseConfig } from '../src/config/index.ts';
import type { Config } from '../src/config/types.ts';
import { InputError } from './errors.ts';

/** The config at `file`, or the defaults when no file is named. Bad config → InputError listing every problem. */
export async function readConfigFile(file: string | undefined): Promise<Config> {
  if (file === undefined) return defaultConfig();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  try {
    return parseConfig({ text, file });
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(error.message);
    throw error;
  }
}
