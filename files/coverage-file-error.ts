/** A coverage file that cannot be opened or decompressed: names the file and what went wrong. */
export class CoverageFileError extends Error {
  override name = 'CoverageFileError';
  readonly file: string;
  constructor({ file, reason }: { file: string; reason: string }) {
    super(`${file}: ${reason}`);
    this.file = file;
  }
}
