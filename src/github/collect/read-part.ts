import { httpStatus } from '../http-status.ts';
import type { UnavailablePart } from '../types.ts';

/**
 * Reads one part of a repository's history. A 403 or 404 means the token may
 * not see it (or the feature is off): the part is listed in `unavailable`
 * with the permission it needs and `fallback` is returned, so the rest of the
 * report still works. Any other error is rethrown.
 */
export async function readPart<T>({
  part,
  permission,
  unavailable,
  fallback,
  read,
}: {
  part: string;
  permission: string;
  unavailable: UnavailablePart[];
  fallback: T;
  read: () => Promise<T>;
}): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 403 && status !== 404) throw error;
    unavailable.push({ part, permission });
    return fallback;
  }
}
