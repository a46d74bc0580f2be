/** Where `createArena` put a copy: `block[start, start + length)`. */
export interface ArenaSlice<T extends Uint8Array | Uint32Array> {
  block: T;
  /** ≥ 1 in a shared block; 0 for a copy in an array of its own (see FileCoverage.lineStart). */
  start: number;
}

/** Copies per-file arrays into shared blocks (see `createArena`). */
export interface Arena {
  copyBytes(source: Uint8Array, length: number): ArenaSlice<Uint8Array>;
  copyWords(source: Uint32Array, length: number): ArenaSlice<Uint32Array>;
}

const NO_BYTES = new Uint8Array(0);
const NO_WORDS = new Uint32Array(0);

/**
 * A bump allocator for the many small per-file arrays of a large report:
 * each copy is a range of a shared block of `blockLength` elements, so tens
 * of thousands of files cost no array object (view, ArrayBuffer, backing
 * store) each. Ranges never overlap and never start at 0, so `start === 0`
 * tells a file's own array from a shared one. Copies longer than an eighth
 * of a block get an array of their own (start 0, no spare room).
 */
export function createArena({ blockLength = 1 << 18 }: { blockLength?: number } = {}): Arena {
  let bytes = NO_BYTES;
  let usedBytes = 0;
  let words = NO_WORDS;
  let usedWords = 0;
  return {
    copyBytes(source, length) {
      if (length === 0) return { block: NO_BYTES, start: 0 };
      if (length > blockLength >> 3) return { block: source.slice(0, length), start: 0 };
      if (usedBytes + length > bytes.length) {
        bytes = new Uint8Array(blockLength);
        usedBytes = 1;
      }
      const start = usedBytes;
      for (let i = 0; i < length; i++) bytes[start + i] = source[i]!;
      usedBytes += length;
      return { block: bytes, start };
    },
    copyWords(source, length) {
      if (length === 0) return { block: NO_WORDS, start: 0 };
      if (length > blockLength >> 3) return { block: source.slice(0, length), start: 0 };
      if (usedWords + length > words.length) {
        words = new Uint32Array(blockLength);
        usedWords = 1;
      }
      const start = usedWords;
      for (let i = 0; i < length; i++) words[start + i] = source[i]!;
      usedWords += length;
      return { block: words, start };
    },
  };
}
