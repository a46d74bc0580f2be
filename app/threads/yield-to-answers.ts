import { setPriority } from 'node:os';

/** How much lower than the thread answering webhooks the App's other threads run (nice steps). */
const LOWER = 10;

/**
 * Lowers the calling thread's scheduling priority, so that when the cores
 * are busy the thread acknowledging webhooks runs first (GitHub gives an
 * answer 10 s; processing has no deadline). On Linux a thread's nice value
 * is its own (setpriority with pid 0 applies to the calling thread only);
 * where it is not, or lowering is refused, nothing changes.
 */
export function yieldToAnswers(): void {
  try {
    setPriority(0, LOWER);
  } catch {
    // not permitted here: the threads keep equal priority
  }
}
