import { ConfigError } from '../../src/config/index.ts';

/** The ConfigError a call throws (fails the test when it does not throw one). */
export function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, none was thrown');
}
