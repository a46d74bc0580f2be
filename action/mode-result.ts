/** What a mode did: the job summary, the step outputs, and a failure the user asked for (fail-under). */
export interface ModeResult {
  summary: string;
  outputs: Record<string, string>;
  failure: string | null;
}
