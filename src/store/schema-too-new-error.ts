/**
 * The database's schema was migrated by a newer Shipwell than this one (a
 * downgrade): this version's queries may not fit it, so it refuses to start
 * rather than write into it (docs/operations.md, "Rollbacks").
 */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  readonly found: number;
  readonly known: number;
  constructor({ found, known }: { found: number; known: number }) {
    super(
      `the database's schema is at version ${found}, newer than this Shipwell knows (${known}): a newer Shipwell migrated it. ` +
        'Run that version (or newer), or restore the backup taken before the upgrade (docs/operations.md, "Rollbacks"); nothing was changed',
    );
    this.found = found;
    this.known = known;
  }
}
