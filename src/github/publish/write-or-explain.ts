import { httpStatus } from '../http-status.ts';
import { ReadOnlyTokenError } from './read-only-token-error.ts';

const NOT_ACCESSIBLE = /not accessible by integration|must have (?:admin|push|write)|permission/i;

/**
 * Runs one write; a 403 that says the integration may not do it becomes a
 * ReadOnlyTokenError (the route named), anything else is rethrown as is.
 */
export async function writeOrExplain<T>({ route, write }: { route: string; write: () => Promise<T> }): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (httpStatus(error) === 403 && NOT_ACCESSIBLE.test(message)) throw new ReadOnlyTokenError({ route, message });
    throw error;
  }
}
