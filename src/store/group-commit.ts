/**
 * Group commit: items that arrive while a write is under way (or in the same
 * turn of the event loop) are written together in the next one — one
 * transaction, one sync — and each caller is answered once that write is
 * durable. `write` returns the positions in its batch it stored (false for
 * the others). A batch that fails is written again one item at a time, so
 * one bad item (PostgreSQL refuses a NUL in text) fails alone.
 */
export function groupCommit<Item>({
  write,
  maxBatch,
}: {
  write: (batch: Item[]) => Promise<Set<number>>;
  /** Most items in one write. */
  maxBatch: number;
}): (item: Item) => Promise<boolean> {
  const waiting: { item: Item; resolve: (stored: boolean) => void; reject: (error: unknown) => void }[] = [];
  let running = false;
  const drain = async () => {
    while (waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      try {
        const stored = await write(batch.map((entry) => entry.item));
        for (const [k, entry] of batch.entries()) entry.resolve(stored.has(k));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else
          for (const entry of batch)
            await write([entry.item]).then((stored) => entry.resolve(stored.has(0)), entry.reject);
      }
    }
    running = false;
  };
  return (item) =>
    new Promise<boolean>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!running) {
        running = true;
        setImmediate(() => void drain());
      }
    });
}
