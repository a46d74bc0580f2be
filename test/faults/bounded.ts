// Runs one fuzz case under a time bound: an async case that never settles
// fails after `limit` ms, and a case that settles but took longer than the
// bound fails too (a synchronous loop cannot be interrupted from the same
// thread, but a slow-growing case is caught before it becomes a hang).

export const CASE_LIMIT_MS = 2_000;

/**
 * Cases per fuzzed function: the 10,000. SHIPWELL_FUZZ_RUNS lowers it
 * for a quick local look; CI and `npm run test:faults` use the default.
 */
export const FUZZ_RUNS = Number(process.env.SHIPWELL_FUZZ_RUNS ?? 10_000);

export async function bounded<T>({
  what,
  run,
  limit = CASE_LIMIT_MS,
}: {
  what: string;
  run: () => T | Promise<T>;
  limit?: number;
}): Promise<T> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${limit} ms (hang)`)), limit);
  });
  const settled = await Promise.race([Promise.resolve().then(run), timeout]).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  clearTimeout(timer);
  const took = performance.now() - start;
  if (took > limit) throw new Error(`${what}: took ${Math.round(took)} ms, over the ${limit} ms bound`);
  if (!settled.ok) throw settled.error;
  return settled.value;
}
