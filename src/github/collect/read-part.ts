import { httpStatus } from '../http-status.ts';
import type { UnavailablePart } from '../types.ts';
import { readAcceptedPermissions } from './read-accepted-permissions.ts';

/**
 * Reads one part of a repository's history. A 403 means the token may not
 * see it: the part is listed in `unavailable` as `forbidden`, with the
 * permission GitHub's `x-accepted-github-permissions` header names (else the
 * one it is known to need). A 404 means GitHub has nothing there for this
 * repository (the feature is off, or the object is gone): listed as
 * `not-found`, never as a missing permission. Either way `fallback` is
 * returned, so the rest of the report still works; any other error is
 * rethrown.
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
    if (status === 404) {
      unavailable.push({ part, permission, reason: 'not-found' });
      return fallback;
    }
    if (status !== 403) throw error;
    unavailable.push({ part, permission: readAcceptedPermissions(error) ?? permission, reason: 'forbidden' });
    return fallback;
  }
}
