/** A report that cannot be read: names the file and line, what was expected and what was found. */
export class CoverageError extends Error {
  override name = 'CoverageError';
  readonly file: string;
  readonly line: number;
  /** The reason without the `FILE:LINE: ` prefix. */
  readonly reason: string;

  constructor({ file, line, reason }: { file: string; line: number; reason: string }) {
    super(`${file}:${line}: ${reason}`);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
