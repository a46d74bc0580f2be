// Group commit (src/store/group-commit.ts): what arrives together is written
// together, each caller hears about its own item, one bad item fails alone.
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/store/group-commit.ts';

/** A write the test releases by hand, recording each batch it was given. */
function manualWrites() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (batch: number[]) =>
    new Promise<Set<number>>((resolve, reject) => {
      batches.push(batch);
      // a negative item is one the write did not store; 13 alone is refused
      const stored = new Set(batch.flatMap((item, k) => (item < 0 ? [] : [k])));
      pending.push(() => (batch.length === 1 && batch[0] === 13 ? reject(new Error('13 refused')) : resolve(stored)));
    });
  const settle = async () => {
    while (pending.length > 0) pending.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { write, batches, pending, settle };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('writes what arrives while a write is under way in the next one, answering each item', async () => {
    const writes = manualWrites();
    const add = groupCommit({ write: writes.write, maxBatch: 3 });
    const first = add(1);
    await tick();
    const rest = [2, -3, 4, 5].map(add);
    await tick();
    expect(writes.batches).toEqual([[1]]);
    await writes.settle();
    await writes.settle();
    await writes.settle();
    expect(writes.batches).toEqual([[1], [2, -3, 4], [5]]);
    expect(await first).toBe(true);
    // the write says which it stored: -3 was not
    expect(await Promise.all(rest)).toEqual([true, false, true, true]);
  });

  it('writes a failed batch again one item at a time, so one bad item fails alone', async () => {
    const writes = manualWrites();
    const failing = (batch: number[]) =>
      batch.includes(13) && batch.length > 1 ? Promise.reject(new Error('batch refused')) : writes.write(batch);
    const add = groupCommit({ write: failing, maxBatch: 10 });
    const results = [12, 13, 14].map((n) => add(n).then(String, (error: Error) => error.message));
    for (let k = 0; k < 5; k += 1) await writes.settle();
    expect(await Promise.all(results)).toEqual(['true', '13 refused', 'true']);
    expect(writes.batches).toEqual([[12], [13], [14]]);
  });
});
