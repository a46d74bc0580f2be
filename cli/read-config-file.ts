import { readLocalConfig } from '../files/index.ts';
import { ConfigError, type LoadedConfig, resolveConfig } from '../src/config/index.ts';
import { InputError } from './errors.ts';

/**
 * `shipwell kpis`'s config: the file `--config` names, else every default.
 * It reads nothing from GitHub, so an `_extends` in the file is an error
 * saying so (resolveConfig). Bad config → InputError listing every problem.
 */
export async function readConfigFile(file: string | undefined): Promise<LoadedConfig> {
  try {
    if (file === undefined) return resolveConfig({ reads: [], problem: null });
    const text = await readLocalConfig(file);
    if (text === null) throw new InputError(`${file}: cannot read the config file (ENOENT)`);
    return resolveConfig({ reads: [{ name: file, role: 'own', text }], problem: null });
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(error.message);
    throw error;
  }
}
