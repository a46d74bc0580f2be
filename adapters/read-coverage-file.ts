import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { CoverageError } from '../src/coverage/index.ts';
import { CoverageFileError } from './coverage-file-error.ts';

/**
 * A coverage file's content as chunks, gunzipped when it starts with gzip's
 * magic bytes. Shared by `shipwell coverage` and the Action's coverage mode.
 * An unreadable file or broken gzip → CoverageFileError.
 */
export async function* readCoverageFile(path: string): AsyncGenerator<Uint8Array> {
  const magic = Buffer.alloc(2);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CoverageFileError({ file: path, reason: `cannot read the file (${code})` });
  }
  try {
    await handle.read(magic, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) {
    yield* raw;
    return;
  }
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (error) => gunzip.destroy(error));
  try {
    yield* raw.pipe(gunzip);
  } catch (error) {
    if (error instanceof CoverageError) throw error;
    throw new CoverageFileError({
      file: path,
      reason: `expected complete gzip data, found an error: ${(error as Error).message}`,
    });
  }
}
