/** Copies typed arrays into shared blocks (see `createArena`). */
export interface Arena {
  /** A copy of `source[0, length)` as a view into a shared block. */
  copyBytes(source: Uint8Array, length: number): Uint8Array;
  /** A copy of `source[0, length)` as a view into a shared block. */
  copyWords(source: Uint32Array, length: number): Uint32Array;
}

const NO_BYTES = new Uint8Array(0);
const NO_WORDS = new Uint32Array(0);

/**
 * A bump allocator for the many small per-file arrays of a large report: each
 * copy is a view into a shared block of `blockBytes`, so tens of thousands of
 * files cost one typed-array view each instead of a view, an ArrayBuffer and
 * a separately allocated backing store. Large copies get their own buffer.
 * Views never overlap; code that grows an array replaces it, never writes
 * past its end.
 */
export function createArena({ blockBytes = 1 << 18 }: { blockBytes?: number } = {}): Arena {
  let block = new ArrayBuffer(blockBytes);
  let used = 0;
  const reserve = (bytes: number, align: number): number => {
    let start = Math.ceil(used / align) * align;
    if (start + bytes > blockBytes) {
      block = new ArrayBuffer(blockBytes);
      start = 0;
    }
    used = start + bytes;
    return start;
  };
  return {
    copyBytes(source, length) {
      if (length === 0) return NO_BYTES;
      if (length > blockBytes >> 3) return source.slice(0, length);
      const view = new Uint8Array(block, reserve(length, 1), length);
      view.set(source.subarray(0, length));
      return view;
    },
    copyWords(source, length) {
      if (length === 0) return NO_WORDS;
      if (length * 4 > blockBytes >> 3) return source.slice(0, length);
      const view = new Uint32Array(block, reserve(length * 4, 4), length);
      view.set(source.subarray(0, length));
      return view;
    },
  };
}
